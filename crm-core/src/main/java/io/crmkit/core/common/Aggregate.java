package io.crmkit.core.common;

/**
 * An aggregate root: it has an id and {@link Meta} (version and who/when), and is saved and
 * loaded as a whole through its repository. Implementations are immutable records.
 *
 * @param <I> the id type
 * @param <A> the aggregate type itself
 */
public interface Aggregate<I, A extends Aggregate<I, A>> {
    I id();

    Meta meta();

    /** A copy carrying other bookkeeping (stores use it to bump the version). */
    A withMeta(Meta meta);
}
