package io.crmkit.analytics.store;

import io.crmkit.core.spi.CrmStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real store behind dynamic proxies that count the per-customer and per-account look-ups
 * ({@code findByCustomer}, {@code latestSnapshot}, {@code latestSnapshots}) and, when asked, answer
 * the batch look-ups with the SPI's default methods instead of the store's own: the store as an
 * integrator's store that has not overridden them would behave.
 */
public final class SpiProbe {

    private static final Set<String> PER_ID = Set.of("findByCustomer", "latestSnapshot", "latestSnapshots");
    private static final Set<String> BATCH = Set.of("findByCustomers", "latestSnapshotsOf");

    private final CrmStore store;
    private final AtomicLong perCustomer = new AtomicLong();

    public SpiProbe(CrmStore real, boolean defaultsOnly) {
        this.store = (CrmStore) Proxy.newProxyInstance(CrmStore.class.getClassLoader(), new Class<?>[] {CrmStore.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (result != null && method.getParameterCount() == 0 && method.getReturnType().isInterface()
                            && method.getReturnType().getPackageName().equals("io.crmkit.core.spi")) {
                        return wrap(method.getReturnType(), result, defaultsOnly);
                    }
                    return result;
                });
    }

    public CrmStore store() {
        return store;
    }

    /** Starts counting afresh (after setting up the data through the services). */
    public void reset() {
        perCustomer.set(0);
    }

    /** Per-customer or per-account look-ups made so far. */
    public long perCustomerCalls() {
        return perCustomer.get();
    }

    private Object wrap(Class<?> type, Object target, boolean defaultsOnly) {
        InvocationHandler h = (proxy, method, args) -> {
            if (PER_ID.contains(method.getName())) {
                perCustomer.incrementAndGet();
            }
            if (defaultsOnly && method.isDefault() && BATCH.contains(method.getName())) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return invoke(target, method, args);
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A clock the test moves by hand. Not thread-safe. */
    public static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        public void set(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
