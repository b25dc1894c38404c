package io.crmkit.core;

import static io.crmkit.core.Fixtures.RM_ACTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.approval.ApprovalRule;
import io.crmkit.core.approval.FourEyes;
import io.crmkit.core.approval.PendingRequestId;
import io.crmkit.core.audit.AuditEntry;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.event.CrmEvent;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.org.Actor;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.tier.RuleAssignment;
import io.crmkit.core.tier.RuleAssignmentResult;
import io.crmkit.core.tier.TierAssignment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link TierService#assignAllByRule}: what one call per customer does, for a chunk in one unit of
 * work — the same tiers, history, audit entries (diff and reason) and events; overrides and unchanged
 * tiers skipped; four-eyes changes submitted one by one; bad input and hidden customers refused whole.
 */
@DisplayName("tier assignment by rule in batches")
class TierBatchTest {
    private static final TierCode GOLD = TierCode.of("GOLD");
    private static final TierCode SILVER = TierCode.of("SILVER");
    private static final TierCode PLATINUM = TierCode.of("PLATINUM");
    private final List<CrmEvent> events = new CopyOnWriteArrayList<>();

    private Crm crm(FourEyes fourEyes) {
        Crm crm = Crm.builder().clock(Fixtures.clock()).listener(events::add).fourEyes(fourEyes).build();
        Fixtures.tiers(crm.as(RM_ACTOR));
        return crm;
    }

    /** Six customers: one without a tier, three at SILVER, one at GOLD, one with a GOLD override in force. */
    private static List<Customer> book(CrmSession rm, CrmSession job) {
        List<Customer> book = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            book.add(rm.customers().register(Fixtures.individual().build()));
        }
        job.tiers().assignByRule(book.get(1).id(), SILVER, "earlier night");
        job.tiers().assignByRule(book.get(2).id(), SILVER, "earlier night");
        job.tiers().assignByRule(book.get(3).id(), SILVER, "earlier night");
        job.tiers().assignByRule(book.get(4).id(), GOLD, "earlier night");
        rm.tiers().assignManually(book.get(5).id(), GOLD, "retention agreement", Fixtures.NOW.plusSeconds(86_400));
        return book;
    }

    /** The night's tiers for the book: a change, a removal, unchanged, a downgrade, unchanged, overridden. */
    private static final TierCode[] NIGHT = {GOLD, null, SILVER, PLATINUM, GOLD, SILVER};

    @Test
    @DisplayName("writes, audits and publishes exactly what one call per customer writes")
    void sameAsOneCallEach() {
        Crm crm = crm(FourEyes.none());
        CrmSession rm = crm.as(RM_ACTOR);
        CrmSession job = crm.as(Actor.system("nightly-tiering"));
        List<Customer> single = book(rm, job);
        List<Customer> batch = book(rm, job);
        events.clear();
        for (int i = 0; i < NIGHT.length; i++) {
            job.tiers().assignByRule(single.get(i).id(), NIGHT[i], "night rule " + i);
        }
        List<CrmEvent> singleEvents = List.copyOf(events);
        events.clear();
        List<RuleAssignment> asked = new ArrayList<>();
        for (int i = 0; i < NIGHT.length; i++) {
            asked.add(new RuleAssignment(batch.get(i).id(), NIGHT[i], "night rule " + i));
        }
        RuleAssignmentResult result = job.tiers().assignAllByRule(asked);

        assertThat(result.awaitingApproval()).isEmpty();
        assertThat(result.assigned()).extracting(TierAssignment::customerId)
                .containsExactly(batch.get(0).id(), batch.get(1).id(), batch.get(3).id());
        assertThat(rm.customers().get(batch.get(1).id()).tier()).as("removed").isNull();
        for (int i = 0; i < NIGHT.length; i++) {
            CustomerId s = single.get(i).id();
            CustomerId b = batch.get(i).id();
            assertThat(rm.customers().get(b).tier()).as("tier %d", i).isEqualTo(rm.customers().get(s).tier());
            assertThat(rm.customers().get(b).meta().version()).isEqualTo(rm.customers().get(s).meta().version());
            assertThat(rm.tiers().history(b)).as("history %d", i).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                    "customerId").isEqualTo(rm.tiers().history(s));
            assertThat(audit(rm, b)).as("audit %d", i).isEqualTo(audit(rm, s));
        }
        assertThat(events).hasSameSizeAs(singleEvents).hasSize(3).allSatisfy(e -> assertThat(e).isInstanceOf(CrmEvent.TierChanged.class));
        for (int i = 0; i < events.size(); i++) {
            CrmEvent.TierChanged b = (CrmEvent.TierChanged) events.get(i);
            CrmEvent.TierChanged s = (CrmEvent.TierChanged) singleEvents.get(i);
            assertThat(List.of(b.at(), b.actorId(), String.valueOf(b.from()), String.valueOf(b.to()), b.source()))
                    .isEqualTo(List.of(s.at(), s.actorId(), String.valueOf(s.from()), String.valueOf(s.to()), s.source()));
        }
    }

    /** The customer's audit entries as operation, action, reason and diff (ids and hashes differ). */
    private static List<String> audit(CrmSession s, CustomerId id) {
        List<String> out = new ArrayList<>();
        for (AuditEntry e : s.audit().forCustomer(id, PageRequest.first(100)).items()) {
            if ("Customer".equals(e.streamType()) && e.action().equals("UPDATE")) {
                out.add(e.operation() + " " + e.action() + " " + e.reason() + " " + e.actorId() + " "
                        + e.changes().stream().map(c -> c.path() + ":" + c.oldValue() + ">" + c.newValue()).toList());
            }
        }
        return out;
    }

    @Test
    @DisplayName("a change a four-eyes rule catches waits as its own pending request; the others are written")
    void fourEyesPerRecord() {
        Crm crm = crm(FourEyes.builder().rule(ApprovalRule.when("to-platinum", Operation.TIER_RULE,
                (before, after) -> PLATINUM.equals(((Customer) after).tier()))).build());
        CrmSession rm = crm.as(RM_ACTOR);
        CrmSession job = crm.as(Actor.system("nightly-tiering"));
        List<Customer> book = book(rm, job);
        events.clear();
        List<RuleAssignment> asked = new ArrayList<>();
        for (int i = 0; i < NIGHT.length; i++) {
            asked.add(new RuleAssignment(book.get(i).id(), NIGHT[i], "night rule " + i));
        }
        RuleAssignmentResult result = job.tiers().assignAllByRule(asked);

        assertThat(result.assigned()).extracting(TierAssignment::customerId).containsExactly(book.get(0).id(), book.get(1).id());
        assertThat(result.awaitingApproval()).containsOnlyKeys(book.get(3).id());
        assertThat(rm.customers().get(book.get(3).id()).tier()).isEqualTo(SILVER);
        assertThat(rm.customers().get(book.get(0).id()).tier()).isEqualTo(GOLD);
        PendingRequestId request = result.awaitingApproval().get(book.get(3).id());
        crm.as(Actor.staff(io.crmkit.core.org.StaffId.of("checker"), Fixtures.BRANCH, "RM")).approvals().approve(request, "ok");
        assertThat(rm.customers().get(book.get(3).id()).tier()).isEqualTo(PLATINUM);
        assertThat(rm.tiers().history(book.get(3).id()).get(0).reason()).isEqualTo("night rule 3");
    }

    @Test
    @DisplayName("an absent customer refuses the whole batch and nothing is written")
    void absentCustomer() {
        Crm crm = crm(FourEyes.none());
        CrmSession rm = crm.as(RM_ACTOR);
        Customer c = rm.customers().register(Fixtures.individual().build());
        events.clear();
        assertThatThrownBy(() -> rm.tiers().assignAllByRule(List.of(new RuleAssignment(c.id(), GOLD, "rule"),
                new RuleAssignment(CustomerId.of("no-such-customer"), GOLD, "rule")))).isInstanceOf(NotFoundException.class);
        assertThat(rm.customers().get(c.id()).tier()).isNull();
        assertThat(rm.tiers().history(c.id())).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("bad entries are refused all at once, each violation naming its entry; too many entries are refused")
    void badInput() {
        Crm crm = crm(FourEyes.none());
        CrmSession rm = crm.as(RM_ACTOR);
        Customer c = rm.customers().register(Fixtures.individual().build());
        List<RuleAssignment> bad = Arrays.asList(new RuleAssignment(c.id(), TierCode.of("DIAMOND"), "rule"),
                new RuleAssignment(null, GOLD, "rule"), new RuleAssignment(c.id(), GOLD, " "));
        assertThatThrownBy(() -> rm.tiers().assignAllByRule(bad)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.hasViolationOn("assignments[0].tier")).isTrue();
            assertThat(e.hasViolationOn("assignments[1].customerId")).isTrue();
            assertThat(e.hasViolationOn("assignments[2].customerId")).as("given twice").isTrue();
            assertThat(e.hasViolationOn("assignments[2].reason")).isTrue();
        });
        assertThatThrownBy(() -> rm.tiers().assignAllByRule(Arrays.asList(new RuleAssignment(c.id(), GOLD, "rule"), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolationOn("assignments[1]")).isTrue());
        assertThatThrownBy(() -> rm.tiers().assignAllByRule(null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolationOn("assignments")).isTrue());
        List<RuleAssignment> many = new ArrayList<>();
        for (int i = 0; i <= TierService.MAX_BATCH; i++) {
            many.add(new RuleAssignment(CustomerId.of("c" + i), GOLD, "rule"));
        }
        assertThatThrownBy(() -> rm.tiers().assignAllByRule(many))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolationOn("assignments")).isTrue());
        assertThat(rm.tiers().history(c.id())).isEmpty();
    }
}
