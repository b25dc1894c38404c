package io.crmkit.micrometer;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.crmkit.core.spi.CrmStore;

/**
 * Times the calls that reach a store: every repository method, as {@code crmkit.store.calls}
 * tagged by repository (the {@code CrmStore} accessor: {@code customers}, {@code alerts}, ...),
 * method and outcome, and every transaction as {@code crmkit.store.transactions} by outcome.
 *
 * <p>Built as a dynamic proxy over every interface the store implements, so repositories added to
 * the SPI later (as default methods of {@code CrmStore}) are passed on and timed without a change
 * here, and a {@code JpaCrmStore} stays a {@code JpaCrmStore} ({@code close}, {@code unwrap}). A
 * stream is timed until it is returned, not while it is read.
 *
 * <p>Thread-safe as the store is.
 */
final class MeteredStore {
    private MeteredStore() {
    }

    static CrmStore wrap(CrmStore store, MeterRegistry registry) {
        if (Proxy.isProxyClass(store.getClass()) && Proxy.getInvocationHandler(store) instanceof StoreHandler) {
            return store; // already metered
        }
        return (CrmStore) proxy(store, interfacesOf(store.getClass()), new StoreHandler(store, registry));
    }

    private static Object proxy(Object target, Class<?>[] interfaces, InvocationHandler handler) {
        ClassLoader loader = target.getClass().getClassLoader();
        return Proxy.newProxyInstance(loader != null ? loader : MeteredStore.class.getClassLoader(), interfaces, handler);
    }

    private static Class<?>[] interfacesOf(Class<?> type) {
        Set<Class<?>> out = new LinkedHashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (Modifier.isPublic(i.getModifiers())) {
                    out.add(i);
                }
            }
        }
        return out.toArray(Class<?>[]::new);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static boolean isObjectMethod(Method method) {
        return method.getDeclaringClass() == Object.class;
    }

    /** The store: transactions timed, repositories wrapped once each. */
    private static final class StoreHandler implements InvocationHandler {
        private final CrmStore target;
        private final MeterRegistry registry;
        private final Map<String, Object> repositories = new ConcurrentHashMap<>();

        StoreHandler(CrmStore target, MeterRegistry registry) {
            this.target = target;
            this.registry = registry;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (isObjectMethod(method)) {
                return method.getName().equals("toString") ? "Metered[" + target + "]"
                        : method.getName().equals("equals") ? proxy == args[0] : System.identityHashCode(proxy);
            }
            String name = method.getName();
            if (name.equals("inTransaction") || name.equals("runInTransaction")) {
                return timed(registry, CrmMetrics.STORE_TRANSACTIONS, null, null, () -> MeteredStore.invoke(target, method, args));
            }
            Class<?> returned = method.getReturnType();
            if (method.getParameterCount() == 0 && returned.isInterface() && returned.getName().startsWith("io.crmkit.")
                    && returned.getSimpleName().endsWith("Repository")) {
                // repositories are created once by the store; a failure (a store without audit) passes as it is
                Object repository = MeteredStore.invoke(target, method, args);
                return repositories.computeIfAbsent(name,
                        n -> proxy(repository, new Class<?>[] {returned}, new RepositoryHandler(repository, n, registry)));
            }
            return MeteredStore.invoke(target, method, args);
        }
    }

    /** One repository: every call timed by method and outcome. */
    private static final class RepositoryHandler implements InvocationHandler {
        private final Object target;
        private final String repository;
        private final MeterRegistry registry;

        RepositoryHandler(Object target, String repository, MeterRegistry registry) {
            this.target = target;
            this.repository = repository;
            this.registry = registry;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (isObjectMethod(method)) {
                return method.getName().equals("toString") ? "Metered[" + repository + "]"
                        : method.getName().equals("equals") ? proxy == args[0] : System.identityHashCode(proxy);
            }
            return timed(registry, CrmMetrics.STORE_CALLS, repository, method.getName(),
                    () -> MeteredStore.invoke(target, method, args));
        }
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws Throwable;
    }

    private static Object timed(MeterRegistry registry, String name, String repository, String method, Call call)
            throws Throwable {
        long start = registry.config().clock().monotonicTime();
        String outcome = Outcomes.SUCCESS;
        try {
            return call.run();
        } catch (Throwable e) {
            outcome = Outcomes.of(e);
            throw e;
        } finally {
            Timer.Builder timer = Timer.builder(name).tag("outcome", outcome);
            if (repository != null) {
                timer.description("Calls that reach the CRMKit store").tag("repository", repository).tag("method", method);
            } else {
                timer.description("CRMKit store transactions");
            }
            timer.register(registry).record(registry.config().clock().monotonicTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
