package io.crmkit.quality.source;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/** Counts the characters read through it, for progress figures. Not thread-safe. */
final class CountingReader extends FilterReader {
    private long count;

    CountingReader(Reader in) {
        super(in);
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count++;
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            count += n;
        }
        return n;
    }
}
