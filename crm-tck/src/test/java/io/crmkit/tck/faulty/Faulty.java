package io.crmkit.tck.faulty;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.spi.AccountRepository;
import io.crmkit.core.spi.ContactRepository;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.CustomerRepository;
import io.crmkit.core.spi.InteractionRepository;
import io.crmkit.core.spi.OpportunityRepository;
import io.crmkit.core.spi.PipelineRepository;
import io.crmkit.core.spi.TaskRepository;
import io.crmkit.core.spi.TierRepository;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Builds a faulty store: the in-memory store behind dynamic proxies in which a defect replaces one
 * or two methods of one repository (or of the store) and everything else passes through. Default
 * methods (such as {@code get} or {@code runInTransaction}) run on the proxy, so they go through
 * the replaced methods as they would in a real store.
 */
final class Faulty {
    /** The original call, for a replacement that wraps it. */
    interface Call {
        Object proceed() throws Throwable;
    }

    /** A replacement for one method: the arguments and the original call. */
    interface Replacement {
        Object invoke(Object[] args, Call original) throws Throwable;
    }

    /**
     * Default methods whose default only refuses ("this store keeps no ..."): the base store's own
     * implementation answers them. Other defaults run on the proxy, so a broken method they build on
     * breaks them too.
     */
    private static final java.util.Set<String> STORE_FEATURES = java.util.Set.of("merges", "moveHistory");

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    final InMemoryCrmStore base = InMemoryCrmStore.create();
    private final Map<String, Map<String, Replacement>> replaced = new HashMap<>();

    private Faulty() {}

    static Faulty store() {
        return new Faulty();
    }

    /** Whether the calling thread is inside {@code inTransaction} of a faulty store. */
    static boolean inTx() {
        return DEPTH.get()[0] > 0;
    }

    /** How deep the calling thread is in {@code inTransaction} calls of a faulty store: 1 in the outermost. */
    static int inTxDepth() {
        return DEPTH.get()[0];
    }

    /** Runs {@code work} on another thread, which sees committed data only and commits on its own. */
    static <T> T elsewhere(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    Faulty replace(String repository, String method, Replacement replacement) {
        replaced.computeIfAbsent(repository, r -> new HashMap<>()).put(method, replacement);
        return this;
    }

    Faulty customers(String method, Replacement r) { return replace("customers", method, r); }
    Faulty interactions(String method, Replacement r) { return replace("interactions", method, r); }
    Faulty accounts(String method, Replacement r) { return replace("accounts", method, r); }
    Faulty tasks(String method, Replacement r) { return replace("tasks", method, r); }
    Faulty opportunities(String method, Replacement r) { return replace("opportunities", method, r); }
    Faulty contacts(String method, Replacement r) { return replace("contacts", method, r); }
    Faulty pipelines(String method, Replacement r) { return replace("pipelines", method, r); }
    Faulty tiers(String method, Replacement r) { return replace("tiers", method, r); }
    Faulty transactions(Replacement r) { return replace("store", "inTransaction", r); }

    CrmStore build() {
        Map<String, Object> repos = new HashMap<>();
        repos.put("customers", wrap(CustomerRepository.class, base.customers(), replaced.get("customers")));
        repos.put("interactions", wrap(InteractionRepository.class, base.interactions(), replaced.get("interactions")));
        repos.put("accounts", wrap(AccountRepository.class, base.accounts(), replaced.get("accounts")));
        repos.put("tasks", wrap(TaskRepository.class, base.tasks(), replaced.get("tasks")));
        repos.put("opportunities", wrap(OpportunityRepository.class, base.opportunities(), replaced.get("opportunities")));
        repos.put("contacts", wrap(ContactRepository.class, base.contacts(), replaced.get("contacts")));
        repos.put("pipelines", wrap(PipelineRepository.class, base.pipelines(), replaced.get("pipelines")));
        repos.put("tiers", wrap(TierRepository.class, base.tiers(), replaced.get("tiers")));
        repos.put("audit", wrap(io.crmkit.core.spi.AuditRepository.class, base.audit(), replaced.get("audit")));
        repos.put("approvals", wrap(io.crmkit.core.spi.PendingRequestRepository.class, base.approvals(), replaced.get("approvals")));
        repos.put("erasures", wrap(io.crmkit.core.spi.ErasureRepository.class, base.erasures(), replaced.get("erasures")));
        Map<String, Replacement> store = new HashMap<>(replaced.getOrDefault("store", Map.of()));
        Replacement tx = store.getOrDefault("inTransaction", (args, original) -> original.proceed());
        store.put("inTransaction", (args, original) -> {
            int[] depth = DEPTH.get();
            depth[0]++;
            try {
                return tx.invoke(args, original);
            } finally {
                depth[0]--;
            }
        });
        // Cases sit behind default methods of CrmStore; the proxy would run the refusing default, not the store's.
        Object cases = wrap(io.crmkit.core.spi.CaseRepository.class, base.cases(), replaced.get("cases"));
        store.putIfAbsent("cases", (args, original) -> cases);
        store.putIfAbsent("slaPolicies", (args, original) -> base.slaPolicies());
        // default methods of CrmStore would run on the proxy (and refuse): these repositories pass through
        repos.put("consents", base.consents());
        repos.put("doNotContact", base.doNotContact());
        repos.put("contactLog", base.contactLog());
        repos.put("campaigns", base.campaigns());
        repos.put("campaignMembers", base.campaignMembers());
        repos.put("engagements", wrap(io.crmkit.core.spi.EngagementRepository.class, base.engagements(), replaced.get("engagements")));
        repos.put("contents", base.contents());
        repos.put("subscriptions", base.subscriptions());
        repos.put("deliveries", base.deliveries());
        for (Map.Entry<String, Object> repo : repos.entrySet()) {
            store.put(repo.getKey(), (args, original) -> repo.getValue());
        }
        return wrap(CrmStore.class, base, store);
    }

    /**
     * Default SPI methods whose default only refuses ("this store cannot ..."), which the in-memory
     * store implements: they go to it rather than to the refusing default.
     */
    private static final java.util.Set<String> STORE_OWN_DEFAULTS = java.util.Set.of("redact", "replaceReasons", "audit",
            "approvals", "erasures");

    Faulty audit(String method, Replacement r) { return replace("audit", method, r); }
    Faulty erasures(String method, Replacement r) { return replace("erasures", method, r); }

    static <R> R wrap(Class<R> type, R target, Map<String, Replacement> replacements) {
        Map<String, Replacement> byName = replacements == null ? Map.of() : replacements;
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            Object[] a = args == null ? new Object[0] : args;
            if (m.getDeclaringClass() == Object.class) {
                return m.getName().equals("equals") ? proxy == a[0] : m.invoke(target, a);
            }
            Call original = () -> {
                if (m.isDefault() && !STORE_OWN_DEFAULTS.contains(m.getName()) && !STORE_FEATURES.contains(m.getName())) {
                    return InvocationHandler.invokeDefault(proxy, m, a);
                }
                try {
                    return m.invoke(target, a);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            Replacement r = byName.get(m.getName());
            return r == null ? original.proceed() : r.invoke(a, original);
        }));
    }
}
