package io.crmkit.tck.faulty;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.spi.InteractionRepository;
import io.crmkit.core.tier.TierAssignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The kit's defect catalogue: realistic store defects, each a small decorator over the in-memory
 * store, that the compatibility kit must catch. {@code KitCatchesFaultyStoresTest} runs the named
 * kit groups against every one and requires at least one failure, and runs the whole kit against
 * the clean pass-through (no defect) and requires none. A new contract group adds the defects it
 * is meant to catch here.
 */
public final class DefectCatalogue {
    private DefectCatalogue() {}

    /** Every defect, in catalogue order. */
    public static List<Defect> all() {
        List<Defect> all = new ArrayList<>();
        all.add(Defect.of("last-writer-wins", "saves ignore the version the caller read", "Customers, Transactions",
                FaultyStores::lastWriterWins));
        all.add(Defect.of("auto-commit-transactions", "inTransaction just runs the work; every write commits on its own",
                "Transactions, Rollbacks", FaultyStores::autoCommitTransactions));
        all.add(Defect.of("timeline-cursor-without-tie-break", "the timeline cursor keeps the time but not the id",
                "Timelines", FaultyStores::timelineCursorWithoutTieBreak));
        all.add(Defect.of("offset-paging", "customer pages by offset instead of by key", "CustomerPaging",
                FaultyStores::offsetPaging));
        all.add(Defect.of("audit-redaction-ignored", "redact returns but keeps the original entry", "AuditRedaction, ErasureFlow",
                () -> Faulty.store().audit("redact", (a, o) -> null).build()));
        all.add(Defect.of("erasure-due-ignores-time", "the due list returns every scheduled erasure, due or not", "Erasures",
                () -> Faulty.store().erasures("findDue", (a, o) -> {
                    a[0] = java.time.Instant.parse("9999-12-31T00:00:00Z");
                    return o.proceed();
                }).build()));
        // the nightly analytics' bulk reads (issue 14)
        all.add(Defect.of("facts-drop-outcome", "the interaction projection leaves every outcome out", "AnalyticsReads",
                () -> Faulty.store().replace("interactions", "streamFacts", (args, original) -> {
                    @SuppressWarnings("unchecked")
                    Stream<InteractionRepository.Fact> facts = (Stream<InteractionRepository.Fact>) original.proceed();
                    return facts.map(f -> new InteractionRepository.Fact(f.customerId(), f.occurredAt(), f.channel(),
                            f.direction(), null));
                }).build()));
        all.add(Defect.of("current-of-in-store-order", "current tiers of a batch come in the store's order, not the order asked",
                "AnalyticsReads", () -> Faulty.store().replace("tiers", "currentOf", (args, original) -> {
                    @SuppressWarnings("unchecked")
                    Map<CustomerId, TierAssignment> found = (Map<CustomerId, TierAssignment>) original.proceed();
                    List<Map.Entry<CustomerId, TierAssignment>> entries = new ArrayList<>(found.entrySet());
                    entries.sort(Map.Entry.comparingByKey(java.util.Comparator.comparing(CustomerId::value)));
                    Map<CustomerId, TierAssignment> sorted = new java.util.LinkedHashMap<>();
                    entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
                    return sorted;
                }).build()));
        // service cases (issue 15): the SLA monitor's due range and the survey reports' period
        all.add(Defect.of("case-due-ignores-instant", "findDue returns cases due later than the instant asked for", "Cases",
                () -> Faulty.store().replace("cases", "findDue", (args, original) -> {
                    args[0] = java.time.Instant.parse("9999-01-01T00:00:00Z");
                    return original.proceed();
                }).build()));
        all.add(Defect.of("case-answers-period-closed", "findRespondedBetween includes answers at the period's end", "Cases",
                () -> Faulty.store().replace("cases", "findRespondedBetween", (args, original) -> {
                    args[1] = ((java.time.Instant) args[1]).plusNanos(1_000);
                    return original.proceed();
                }).build()));
        all.add(Defect.of("case-reparent-not-reindexed", "a case saved with another customer stays listed under the one it was"
                + " opened for (the by-customer index is written on insert only)", "MergeFlow", DefectCatalogue::caseIndexOnInsertOnly));
        all.add(Defect.of("engagements-by-customer-whole-source", "findBySourceAndCustomer returns every engagement of the source,"
                + " whoever's (a merge would move other members' clicks)", "OutreachEngagements", () -> {
                    Faulty f = Faulty.store();
                    return f.replace("engagements", "findBySourceAndCustomer",
                            (args, original) -> f.base.engagements().findBySource((String) args[0])).build();
                }));
        all.addAll(IndexDefects.all());
        all.addAll(TransactionDefects.all());
        all.addAll(KeyDefects.all());
        all.addAll(DataDefects.all());
        all.addAll(ViewDefects.all());
        return List.copyOf(all);
    }

    private static io.crmkit.core.spi.CrmStore caseIndexOnInsertOnly() {
        java.util.Map<io.crmkit.core.casework.CaseId, io.crmkit.core.customer.CustomerId> openedFor =
                new java.util.concurrent.ConcurrentHashMap<>();
        Faulty f = Faulty.store();
        return f.replace("cases", "save", (args, original) -> {
            io.crmkit.core.casework.ServiceCase c = (io.crmkit.core.casework.ServiceCase) args[0];
            Object saved = original.proceed();
            openedFor.putIfAbsent(c.id(), c.customerId());
            return saved;
        }).replace("cases", "findByCustomer", (args, original) -> openedFor.entrySet().stream()
                .filter(e -> e.getValue().equals(args[0])).map(e -> f.base.cases().findById(e.getKey()))
                .flatMap(java.util.Optional::stream).sorted(java.util.Comparator.comparing(io.crmkit.core.casework.ServiceCase::id))
                .toList()).build();
    }

    /** The store with no defect: every call passes through the proxies to the in-memory store. */
    public static io.crmkit.core.spi.CrmStore passThrough() {
        return Faulty.store().build();
    }
}
