package io.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.account.AccountStatus;
import io.crmkit.core.account.ProductLine;
import io.crmkit.core.approval.ApprovalRequiredException;
import io.crmkit.core.approval.PendingRequestId;
import io.crmkit.core.audit.AuditEntry;
import io.crmkit.core.audit.AuditTrail;
import io.crmkit.core.cache.CachingCrmStore;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.erasure.Erasure;
import io.crmkit.core.erasure.ErasureStatus;
import io.crmkit.core.erasure.Retention;
import io.crmkit.core.erasure.RetentionRule;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.tck.erasure.CanaryCustomer;
import io.crmkit.tck.fixtures.UniqueIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Erasure over the store, through the services: an approved erasure leaves no canary in anything
 * any repository returns (audit trail, pending requests and cache included), the natural-key index
 * forgets the identifier, the customer's audit chains still verify, the statistics that need no
 * identity are unchanged, and the certificate names what was erased without personal data; an
 * erasure that is not approved changes nothing; a retention hold refuses with its reason, or
 * schedules the erasure, which the job then applies from the due date.
 */
public abstract class ErasureFlowContract extends StoreContract {
    private static final Instant START = Instant.parse("2026-11-02T09:30:00.123456Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final Clock clock = new Clock() {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    };
    private final StaffId owner = StaffId.of(UniqueIds.next("rm"));
    private final OrgUnitId branch = OrgUnitId.of(UniqueIds.next("br"));

    private Crm crm(Retention retention) {
        return Crm.builder().store(store()).clock(clock).audit(true).retention(retention).build();
    }

    private CrmSession rm(Crm crm) {
        return crm.as(Actor.staff(owner, branch, "RM"));
    }

    private static CrmSession checker(Crm crm) {
        return crm.as(Actor.staff(StaffId.of(UniqueIds.next("bm")), OrgUnitId.of("hq"), "BM"));
    }

    private static PendingRequestId parked(Runnable change) {
        try {
            change.run();
        } catch (ApprovalRequiredException e) {
            return e.requestId();
        }
        throw new AssertionError("the erasure was applied without approval");
    }

    @Test
    @DisplayName("an approved erasure leaves no canary in any repository read or cache, the chains verify, the statistics stay")
    void approvedErasure() {
        Crm crm = crm(Retention.none());
        CrmSession rm = rm(crm);
        CanaryCustomer cc = new CanaryCustomer(rm, owner, now.get());
        List<CustomerId> ids = List.of(cc.customer.id(), cc.partner.id());
        LocalDate today = LocalDate.ofInstant(now.get(), ZoneOffset.UTC);
        Map<String, String> before = CanaryCustomer.statistics(store(), ids, today);
        rm.customers().get(cc.customer.id()); // warms a cache in front of the store, if any
        assertThat(cc.foundIn(everything(cc))).as("the fixture plants every canary").containsExactlyInAnyOrderElementsOf(cc.canaries());

        PendingRequestId request = parked(() -> rm.erasure().request(cc.customer.id(), "data subject request"));
        CrmSession checker = checker(crm);
        checker.approvals().approve(request, "identity of the requester checked");

        assertThat(hits(cc)).as("canaries left after the erasure, by place").isEmpty();
        assertThat(store().customers().findByIdentifier(cc.identifier)).isEmpty();
        assertThat(CanaryCustomer.statistics(store(), ids, today)).isEqualTo(before);
        assertThat(verifyChainsOf(ids).problems()).isEmpty();
        assertThat(store().customers().findById(cc.partner.id()).orElseThrow().name()).isEqualTo(cc.partner.name());

        List<Erasure> records = rm.erasure().forCustomer(cc.customer.id());
        assertThat(records).hasSize(1);
        Erasure cert = records.get(0);
        assertThat(cert.status()).isEqualTo(ErasureStatus.COMPLETED);
        assertThat(cert.requestId()).isEqualTo(request);
        assertThat(cert.requestedBy()).isEqualTo(owner.value());
        assertThat(cert.approvedBy()).containsExactly(checker.actor().id());
        assertThat(cert.completedAt()).isEqualTo(now.get());
        assertThat(cert.erased()).containsEntry("Customer", 1).containsEntry("Contact", 1).containsEntry("Interaction", 3)
                .containsEntry("Task", 1).containsEntry("Opportunity", 1).containsEntry("Alert", 1);
        assertThat(cert.fieldsErased()).isGreaterThan(20);
        assertThat(cert.auditEntriesRedacted()).isGreaterThan(10);
        assertThat(cert.auditHead()).isEqualTo(store().audit().last("Customer", cc.customer.id().value()).orElseThrow().hash());
        assertThat(rm.erasure().get(cert.id())).isEqualTo(cert);
        assertThatThrownBy(() -> rm.erasure().request(cc.customer.id(), "again")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Erased");
    }

    @Test
    @DisplayName("an erasure without approval changes nothing, and a rejected one neither")
    void withoutApprovalNothingChanges() {
        Crm crm = crm(Retention.none());
        CrmSession rm = rm(crm);
        CanaryCustomer cc = new CanaryCustomer(rm, owner, now.get());
        String before = records(cc);
        PendingRequestId request = parked(() -> rm.erasure().request(cc.customer.id(), "data subject request"));
        assertThat(records(cc)).isEqualTo(before);
        assertThat(store().customers().findByIdentifier(cc.identifier)).isPresent();
        assertThat(store().erasures().findByCustomer(cc.customer.id())).isEmpty();
        assertThatThrownBy(() -> rm.approvals().approve(request, "mine")).isInstanceOf(io.crmkit.core.error.CrmException.class);
        checker(crm).approvals().reject(request, "requester not identified");
        assertThat(records(cc)).isEqualTo(before);
        assertThat(store().erasures().findByCustomer(cc.customer.id())).isEmpty();
    }

    @Test
    @DisplayName("a retention hold on an open account refuses with the rule's reason and makes no request")
    void holdRefuses() {
        Crm crm = crm(Retention.of(RetentionRule.of("csrc-brokerage-20y", ProductLine.BROKERAGE, Period.ofYears(20))));
        CrmSession rm = rm(crm);
        CanaryCustomer cc = new CanaryCustomer(rm, owner, now.get());
        String before = records(cc);
        assertThat(rm.erasure().holds(cc.customer.id())).singleElement()
                .satisfies(h -> assertThat(h.rule()).isEqualTo("csrc-brokerage-20y"))
                .satisfies(h -> assertThat(h.until()).isNull());
        assertThatThrownBy(() -> rm.erasure().request(cc.customer.id(), "data subject request"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("RetentionHold")
                .hasMessageContaining("csrc-brokerage-20y").hasMessageContaining("open");
        assertThat(records(cc)).isEqualTo(before);
        assertThat(rm.approvals().forCustomer(cc.customer.id())).noneMatch(r -> r.operation().equals("customer.erase"));
    }

    @Test
    @DisplayName("a hold with a known end schedules the approved erasure; the job applies it from the due date")
    void holdSchedules() {
        Crm crm = crm(Retention.of(RetentionRule.of("csrc-brokerage-1y", ProductLine.BROKERAGE, Period.ofYears(1))));
        CrmSession rm = rm(crm);
        CanaryCustomer cc = new CanaryCustomer(rm, owner, now.get());
        LocalDate closed = LocalDate.ofInstant(now.get(), ZoneOffset.UTC).minusDays(30);
        rm.accounts().updateStatus(cc.account.id(), AccountStatus.CLOSED, closed);
        PendingRequestId request = parked(() -> rm.erasure().request(cc.customer.id(), "data subject request"));
        checker(crm).approvals().approve(request, "checked");
        Erasure scheduled = rm.erasure().forCustomer(cc.customer.id()).get(0);
        assertThat(scheduled.status()).isEqualTo(ErasureStatus.SCHEDULED);
        Instant due = closed.plusYears(1).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(scheduled.dueAt()).isEqualTo(due);
        assertThat(scheduled.holds()).containsExactly("csrc-brokerage-1y until " + closed.plusYears(1));
        assertThat(cc.foundIn(records(cc))).as("nothing erased before the due date").isNotEmpty();
        assertThatThrownBy(() -> rm.erasure().request(cc.customer.id(), "again")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Scheduled");

        // (a store shared with other tests may hold other due erasures: the checks keep to this one)
        CrmSession job = crm.as(Actor.system("erasure-job"));
        job.erasure().runDue();
        now.set(due.minus(Duration.ofSeconds(1)));
        job.erasure().runDue();
        assertThat(rm.erasure().get(scheduled.id()).status()).as("not run before the due date").isEqualTo(ErasureStatus.SCHEDULED);
        assertThat(cc.foundIn(records(cc))).isNotEmpty();
        now.set(due.plus(Duration.ofMinutes(5)));
        assertThat(job.erasure().runDue()).isGreaterThanOrEqualTo(1);
        assertThat(hits(cc)).as("canaries left after the erasure, by place").isEmpty();
        Erasure done = rm.erasure().get(scheduled.id());
        assertThat(done.status()).isEqualTo(ErasureStatus.COMPLETED);
        assertThat(done.completedAt()).isEqualTo(now.get());
        job.erasure().runDue();
        assertThat(rm.erasure().get(scheduled.id())).as("a completed erasure does not run again").isEqualTo(done);
        assertThat(verifyChainsOf(List.of(cc.customer.id(), cc.partner.id())).problems()).isEmpty();
    }

    /** The customer's records as the repositories return them, as JSON (the audit trail left out). */
    private String records(CanaryCustomer cc) {
        CrmStore s = store();
        CustomerId id = cc.customer.id();
        List<Object> all = new ArrayList<>();
        all.add(s.customers().findById(id).orElse(null));
        all.add(s.customers().findByIdentifier(cc.identifier).map(Customer::id).orElse(null));
        all.add(s.contacts().findByCustomer(id));
        all.add(s.relationships().findByCustomer(id));
        all.add(s.interactions().timeline(id, PageRequest.first(100)).items());
        all.add(s.tasks().findByCustomer(id));
        all.add(s.opportunities().findByCustomer(id));
        all.add(s.alerts().findByCustomer(id));
        all.add(s.accounts().findByCustomer(id));
        all.add(s.tiers().history(id));
        return json(all);
    }

    /** Everything any repository returns about the customer, the whole audit trail and the cache, as text. */
    private String everything(CanaryCustomer cc) {
        return String.join("\n", places(cc).values());
    }

    /** Where canaries are left, by place ({@code audit Customer/id#3}, {@code pendingRequests}, ...). */
    private Map<String, List<String>> hits(CanaryCustomer cc) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        places(cc).forEach((place, text) -> {
            List<String> found = cc.foundIn(text);
            if (!found.isEmpty()) {
                out.put(place, found);
            }
        });
        return out;
    }

    private Map<String, String> places(CanaryCustomer cc) {
        CrmStore s = store();
        Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put("records", records(cc));
        out.put("pendingRequests", json(s.approvals().findByCustomer(cc.customer.id())));
        out.put("erasures", json(s.erasures().findByCustomer(cc.customer.id())));
        try (Stream<AuditEntry> trail = s.audit().stream()) {
            trail.forEach(e -> out.merge("audit " + e.streamType() + "/" + e.streamId() + "#" + e.seq() + " " + e.operation(),
                    json(e), String::concat));
        }
        if (s instanceof CachingCrmStore cached) {
            out.put("cache", json(cached.cachedValues()));
        }
        return out;
    }

    private AuditTrail.Verification verifyChainsOf(List<CustomerId> ids) {
        Set<String> chains = new HashSet<>();
        try (Stream<AuditEntry> trail = store().audit().stream()) {
            trail.filter(e -> e.customerId() != null && ids.contains(e.customerId()))
                    .forEach(e -> chains.add(e.streamType() + "/" + e.streamId()));
        }
        try (Stream<AuditEntry> trail = store().audit().stream()) {
            List<AuditEntry> mine = trail.filter(e -> chains.contains(e.streamType() + "/" + e.streamId())).toList();
            assertThat(mine).as("audit entries of the customers").isNotEmpty();
            return AuditTrail.unkeyed().verify(mine.stream(), e -> null);
        }
    }

    private static String json(Object value) {
        try {
            return CrmJson.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
