package io.crmkit.core;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.opportunity.PipelineId;
import io.crmkit.core.opportunity.Stage;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.tier.TierDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Small builders shared by crm-core's tests. The canary name must never show up in logs or messages. */
final class Fixtures {
    /** Personal data planted in fixtures; tests assert it never leaks. */
    static final String CANARY_NAME = "Canary Zhangsan-7Q4";
    static final String CANARY_PHONE = "+8613912345678";
    static final String CANARY_EMAIL = "canary.7q4@example.com";
    static final String CANARY_ID = "11010519491231002X";

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    static final StaffId RM = StaffId.of("rm-017");
    static final OrgUnitId BRANCH = OrgUnitId.of("br-sh-01");
    static final Actor RM_ACTOR = Actor.staff(RM, BRANCH, "RM");
    static final PipelineId WEALTH = PipelineId.of("wealth");
    static final List<Stage> STAGES = List.of(
            Stage.open("LEAD", "Lead", 10), Stage.open("QUALIFIED", "Qualified", 30),
            Stage.open("PROPOSAL", "Proposal", 60), Stage.won("WON", "Won"), Stage.lost("LOST", "Lost"));

    private static final AtomicInteger SEQ = new AtomicInteger();

    private Fixtures() {}

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    static Crm crm() {
        return Crm.builder().clock(clock()).build();
    }

    static NewCustomer.Builder individual() {
        return NewCustomer.individual("Customer " + SEQ.incrementAndGet()).owner(RM).branch(BRANCH).active();
    }

    /** A customer full of canary personal data. */
    static NewCustomer canary() {
        return NewCustomer.individual(CANARY_NAME).localName(CANARY_NAME).owner(RM).branch(BRANCH).active()
                .identifier(Identifier.nationalId("CN", CANARY_ID)).birthDate(LocalDate.of(1949, 12, 31))
                .contactPoint(ContactPoint.phone(CANARY_PHONE, "mobile"))
                .contactPoint(ContactPoint.email(CANARY_EMAIL, "home")).build();
    }

    static void tiers(CrmSession s) {
        s.tiers().define(TierDefinition.of("PLATINUM", "Platinum", 1), TierDefinition.of("GOLD", "Gold", 2),
                TierDefinition.of("SILVER", "Silver", 3));
    }
}
