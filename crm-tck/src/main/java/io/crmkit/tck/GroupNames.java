package io.crmkit.tck;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;

/**
 * Makes every failure of a kit test name its group and test, as in
 * {@code customers › save with a stale version throws ConflictException ...: <the assertion's message>},
 * whatever the build tool prints: several groups share test names (every repository runs the
 * {@link RepositoryContract} tests), so a method name alone does not say which aggregate failed.
 * Registered on {@link StoreContract}, so it applies to the whole kit and to a group run alone.
 *
 * <p>Thread-safe (stateless).
 */
final class GroupNames implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        String where = path(context);
        if (failure instanceof AssertionFailedError afe && afe.isExpectedDefined() && afe.isActualDefined()) {
            throw withTrace(new AssertionFailedError(where + ": " + afe.getMessage(), afe.getExpected().getValue(),
                    afe.getActual().getValue(), failure), failure);
        }
        if (failure instanceof AssertionError) {
            throw withTrace(new AssertionFailedError(where + ": " + failure.getMessage(), failure), failure);
        }
        throw withTrace(new AssertionFailedError(where + ": unexpected " + failure, failure), failure);
    }

    private static <T extends Throwable> T withTrace(T named, Throwable original) {
        named.setStackTrace(original.getStackTrace());
        return named;
    }

    /** The display names from the outermost contract group down to the test, joined by " › ". */
    static String path(ExtensionContext context) {
        Deque<String> names = new ArrayDeque<>();
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            ExtensionContext level = c.get();
            boolean isTest = level.getTestMethod().isPresent();
            boolean isGroup = level.getTestClass().filter(StoreContract.class::isAssignableFrom).isPresent()
                    && level.getTestMethod().isEmpty();
            if (isTest || isGroup) {
                names.push(level.getDisplayName());
            }
        }
        return String.join(" \u203a ", names);
    }
}
