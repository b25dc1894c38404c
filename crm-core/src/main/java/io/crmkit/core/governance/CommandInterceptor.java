package io.crmkit.core.governance;

import java.util.function.Supplier;

/**
 * Wraps every write. An interceptor may check the command and refuse it (throw
 * {@link io.crmkit.core.error.AccessDeniedException}), record it, or run code around
 * {@code proceed}. Interceptors run in the order they were registered, outside the store
 * transaction; {@code proceed} runs the write in its transaction.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CommandInterceptor {
    <T> T intercept(Command command, Supplier<T> proceed);
}
