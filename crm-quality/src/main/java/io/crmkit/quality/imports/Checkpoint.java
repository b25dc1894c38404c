package io.crmkit.quality.imports;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where an import job stands, kept in a small JSON file replaced atomically after every chunk.
 * It holds ids, counts and offsets only (no row data).
 *
 * <p>A chunk is recorded twice: as {@link Pending} just before its transaction commits (with the
 * error-file offset after its rejected rows, already on disk, and the id and prior version of one
 * customer the chunk writes), and as done after. A run killed between the two leaves the pending
 * record; the next run looks the probe customer up to learn whether the commit happened, and goes on
 * from after or before the chunk. So a run killed at any point and resumed ends in the same state
 * (customers and error file) as one that was never killed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param jobId the job id
 * @param fileSha256 the input file's SHA-256
 * @param mapping the mapping's fingerprint
 * @param mode the import mode
 * @param nextIndex the first record not yet done
 * @param errorBytes the error file's length once the done records are written
 * @param counts the counts of the done records
 * @param finished whether the whole file is done
 * @param pending the chunk about to commit, or {@code null}
 */
public record Checkpoint(String jobId, String fileSha256, String mapping, ImportMode mode, long nextIndex,
        long errorBytes, ImportCounts counts, boolean finished, @Nullable Pending pending) {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * A chunk whose commit may or may not have happened.
     *
     * @param endIndex the first record after the chunk
     * @param errorBytes the error file's length with the chunk's rejected rows
     * @param counts the counts with the chunk
     * @param probeCustomer the id of a customer the chunk inserts or updates
     * @param probeVersionBefore that customer's version before the chunk, or -1 when the chunk inserts it
     */
    public record Pending(long endIndex, long errorBytes, ImportCounts counts, String probeCustomer, long probeVersionBefore) {}

    Checkpoint withPending(@Nullable Pending p) {
        return new Checkpoint(jobId, fileSha256, mapping, mode, nextIndex, errorBytes, counts, finished, p);
    }

    Checkpoint done(long next, long errBytes, ImportCounts c, boolean fin) {
        return new Checkpoint(jobId, fileSha256, mapping, mode, next, errBytes, c, fin, null);
    }

    static Optional<Checkpoint> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Checkpoint.class));
        } catch (IOException e) {
            throw ValidationException.of("checkpoint", "Readable", "the checkpoint file is damaged; delete it to start over");
        }
    }

    /** Replaces the file atomically and forces it to disk, so a kill leaves the old or the new state, never half. */
    void write(Path file) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            byte[] bytes = JSON.writeValueAsBytes(this);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("the checkpoint file cannot be written", false);
        }
    }
}
