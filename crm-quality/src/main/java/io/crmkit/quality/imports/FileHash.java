package io.crmkit.quality.imports;

import io.crmkit.core.error.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a file, streamed. Stateless and thread-safe. */
final class FileHash {
    private FileHash() {}

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new StoreException("the input file cannot be read", false);
        } catch (NoSuchAlgorithmException e) {
            throw new StoreException("SHA-256 is not available", false);
        }
    }
}
