package io.crmkit.quality.imports;

/**
 * Receives progress while an import runs, on the importing thread: keep it quick. An exception it
 * throws stops the import (the checkpoint stays at the last committed chunk).
 */
@FunctionalInterface
public interface ImportListener {
    void onProgress(ImportProgress progress);

    static ImportListener none() {
        return p -> { };
    }
}
