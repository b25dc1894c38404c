package io.crmkit.quality.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Opens UTF-8 text, skipping a byte-order mark; malformed bytes become U+FFFD rather than an exception. */
final class Utf8 {
    private Utf8() {}

    static Reader reader(InputStream in) throws IOException {
        PushbackInputStream p = new PushbackInputStream(in, 3);
        byte[] bom = new byte[3];
        int n = p.readNBytes(bom, 0, 3);
        boolean hasBom = n == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF;
        if (!hasBom && n > 0) {
            p.unread(bom, 0, n);
        }
        return new InputStreamReader(p, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    }
}
