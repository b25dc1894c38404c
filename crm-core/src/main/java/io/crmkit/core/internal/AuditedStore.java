package io.crmkit.core.internal;

import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.Repository;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.core.tier.TierDefinition;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The store as the services see it: every mutating repository call (save, delete, snapshots, tier
 * definitions and history) also appends its audit entry in the same transaction. One decorator
 * for every repository, present and future: a new aggregate's repository is audited as soon as
 * its records are saved through {@link Repository#save}. The audit and approval repositories'
 * own appends are not audited again.
 */
final class AuditedStore {
    private AuditedStore() {}

    static CrmStore wrap(CrmStore raw, AuditRecorder recorder) {
        Map<Method, Object> repositories = new ConcurrentHashMap<>();
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(raw, method, args);
            if (result != null && method.getParameterCount() == 0 && method.getReturnType().isInterface()
                    && !method.getName().equals("audit") && method.getReturnType().getName().startsWith("io.crmkit.")) {
                return repositories.computeIfAbsent(method, m -> repository(m.getReturnType(), result, raw, recorder));
            }
            return result;
        };
        return (CrmStore) Proxy.newProxyInstance(CrmStore.class.getClassLoader(), new Class<?>[] {CrmStore.class}, handler);
    }

    private static Object repository(Class<?> type, Object delegate, CrmStore raw, AuditRecorder recorder) {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "save" -> save(delegate, method, args, recorder);
            case "delete" -> delete(delegate, method, args, recorder);
            case "saveSnapshot" -> {
                AccountSnapshot s = (AccountSnapshot) args[0];
                Object result = invoke(delegate, method, args);
                recorder.record("AccountSnapshot", s.accountId().value() + ":" + s.asOf(), "APPEND", null, s,
                        raw.accounts().findById(s.accountId()).map(a -> a.customerId()).orElse(null));
                yield result;
            }
            case "saveDefinition" -> {
                TierDefinition d = (TierDefinition) args[0];
                TierDefinition before = raw.tiers().definitions().stream().filter(x -> x.code().equals(d.code())).findFirst()
                        .orElse(null);
                Object result = invoke(delegate, method, args);
                recorder.record("TierDefinition", d.code().value(), before == null ? "CREATE" : "UPDATE", before, d, null);
                yield result;
            }
            case "append" -> {
                Object result = invoke(delegate, method, args);
                if (args[0] instanceof TierAssignment t) {
                    recorder.record("TierHistory", t.customerId().value(), "APPEND", null, t, t.customerId());
                }
                yield result;
            }
            default -> invoke(delegate, method, args);
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object save(Object delegate, Method method, Object[] args, AuditRecorder recorder) throws Throwable {
        if (!(args[0] instanceof Aggregate<?, ?> aggregate) || !(delegate instanceof Repository repo)) {
            return invoke(delegate, method, args);
        }
        Object before = aggregate.meta().version() == 0 ? null : ((Optional<Object>) repo.findById(aggregate.id())).orElse(null);
        Aggregate<?, ?> saved = (Aggregate<?, ?>) invoke(delegate, method, args);
        recorder.record(repo.typeName(), String.valueOf(saved.id()), before == null ? "CREATE" : "UPDATE", before, saved,
                null);
        return saved;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static @Nullable Object delete(Object delegate, Method method, Object[] args, AuditRecorder recorder)
            throws Throwable {
        if (!(delegate instanceof Repository repo) || args.length != 2) {
            return invoke(delegate, method, args);
        }
        Object before = ((Optional<Object>) repo.findById(args[0])).orElse(null);
        Object result = invoke(delegate, method, args);
        recorder.record(repo.typeName(), String.valueOf(args[0]), "DELETE", before, null, null);
        return result;
    }

    private static @Nullable Object invoke(Object target, Method method, @Nullable Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
