package io.crmkit.jpa.internal;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Wraps a lazily read result stream so that a database failure while it is being consumed (a lost
 * connection half-way through an analytics scan) leaves as a translated CRMKit exception too.
 * Stateless and thread-safe; the returned stream is as thread-safe as the one it wraps.
 */
final class TranslatingStreams {
    private TranslatingStreams() {
    }

    static <T> Stream<T> of(Stream<T> source) {
        Iterator<T> it = source.iterator();
        Iterator<T> translating = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return it.hasNext();
                } catch (RuntimeException e) {
                    throw ExceptionTranslator.translate(e);
                }
            }

            @Override
            public T next() {
                try {
                    return it.next();
                } catch (RuntimeException e) {
                    throw ExceptionTranslator.translate(e);
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(translating,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(source::close);
    }
}
