package io.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.audit.AuditEntry;
import io.crmkit.core.audit.AuditTrail;
import io.crmkit.core.audit.FieldChange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.spi.AuditRepository;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.tck.fixtures.Fixtures;
import io.crmkit.tck.fixtures.UniqueIds;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Audit redaction ({@link AuditRepository#redact}): the redacted copy replaces the stored entry in
 * every read (last, per customer, stream) with the hash chain still verifying; a replacement that
 * changes anything but values is refused and changes nothing; an unknown id is not found; a
 * redaction rolls back with its transaction, and one in the transaction that appended the entry
 * commits with it.
 */
public abstract class AuditRedactionContract extends StoreContract {
    private static final AuditTrail TRAIL = AuditTrail.unkeyed();

    private AuditRepository audit() {
        return store().audit();
    }

    /** A chain of {@code n} sealed entries about {@code customer}, each with a canary value; appended unless {@code append} is false. */
    private List<AuditEntry> chain(CustomerId customer, String canary, int n) {
        String stream = UniqueIds.next("s");
        List<AuditEntry> out = new ArrayList<>();
        String prev = "";
        for (int i = 1; i <= n; i++) {
            List<FieldChange> changes = List.of(FieldChange.sealed("tags[0]", null, canary + i, AuditTrail.newSalt()),
                    FieldChange.sealed("lifecycle", "PROSPECT", "ACTIVE", AuditTrail.newSalt()));
            AuditEntry draft = new AuditEntry(UniqueIds.next("ae"), "Customer", stream, i, customer,
                    Fixtures.NOW.plusSeconds(i), "tck", null, "customer.update", "UPDATE", changes, "asked by " + canary,
                    UniqueIds.next("c"), null, null, prev, "-", AuditTrail.newSalt(), null);
            AuditEntry e = draft.withHash(TRAIL.hash(draft));
            out.add(e);
            prev = e.hash();
        }
        return out;
    }

    private List<AuditEntry> stored(AuditEntry first) {
        try (Stream<AuditEntry> all = audit().stream()) {
            return all.filter(e -> e.streamType().equals(first.streamType()) && e.streamId().equals(first.streamId())).toList();
        }
    }

    @Test
    @DisplayName("lastOf answers what last answers per chain, in the asked order, chains without entries left out")
    void lastOfIsLastPerChain() {
        CustomerId customer = Fixtures.customerId();
        List<AuditEntry> a = chain(customer, UniqueIds.next("canary"), 3);
        List<AuditEntry> b = chain(customer, UniqueIds.next("canary"), 1);
        a.forEach(audit()::append);
        b.forEach(audit()::append);
        String none = UniqueIds.next("s");
        java.util.Map<String, AuditEntry> heads = audit().lastOf("Customer",
                List.of(b.get(0).streamId(), none, a.get(0).streamId()));
        assertThat(heads).containsExactly(java.util.Map.entry(b.get(0).streamId(), b.get(0)),
                java.util.Map.entry(a.get(0).streamId(), a.get(2)));
        assertThat(heads.get(a.get(0).streamId())).isEqualTo(audit().last("Customer", a.get(0).streamId()).orElseThrow());
        assertThat(audit().lastOf("Tier", List.of(a.get(0).streamId()))).as("another stream type").isEmpty();
        assertThat(audit().lastOf("Customer", List.of())).isEmpty();
    }

    @Test
    @DisplayName("a redacted entry replaces the stored one in last, byCustomer and stream, and the chain still verifies")
    void redactionReplaces() {
        CustomerId customer = Fixtures.customerId();
        String canary = UniqueIds.next("canary");
        List<AuditEntry> chain = chain(customer, canary, 3);
        chain.forEach(audit()::append);
        List<AuditEntry> redacted = chain.stream().map(e -> e.redacted("lifecycle"::equals)).toList();
        redacted.forEach(audit()::redact);

        assertThat(stored(chain.get(0))).containsExactlyElementsOf(redacted);
        assertThat(audit().last("Customer", chain.get(0).streamId())).contains(redacted.get(2));
        assertThat(audit().byCustomer(customer, PageRequest.first(10)).items()).containsExactlyInAnyOrderElementsOf(redacted);
        assertThat(TRAIL.verify(stored(chain.get(0)).stream(), e -> null).problems()).isEmpty();
        assertThat(stored(chain.get(0)).toString() + stored(chain.get(0)).stream().map(e -> e.changes().get(0).newValue()
                + e.reason()).toList()).doesNotContain(canary);
        assertThat(redacted.get(0).changes().get(1).newValue()).as("codes stay readable").isEqualTo("ACTIVE");
        assertThat(redacted.get(0).changes().get(0).newValue()).isEqualTo(FieldChange.ERASED);
    }

    @Test
    @DisplayName("a replacement that changes the hash, time or actor is refused and changes nothing")
    void refusesOtherChanges() {
        List<AuditEntry> chain = chain(Fixtures.customerId(), UniqueIds.next("canary"), 1);
        AuditEntry e = chain.get(0);
        audit().append(e);
        AuditEntry forged = e.redacted(p -> false).withHash("0".repeat(64));
        assertThatThrownBy(() -> audit().redact(forged)).isInstanceOf(ValidationException.class).hasMessageContaining("entry");
        AuditEntry otherActor = new AuditEntry(e.id(), e.streamType(), e.streamId(), e.seq(), e.customerId(), e.at(), "someone-else",
                e.onBehalfOf(), e.operation(), e.action(), e.changes(), e.reason(), e.correlationId(), e.maker(), e.checker(),
                e.prevHash(), e.hash(), e.salt(), e.reasonCommitment());
        assertThatThrownBy(() -> audit().redact(otherActor)).isInstanceOf(ValidationException.class);
        assertThat(stored(e)).containsExactly(e);
    }

    @Test
    @DisplayName("redacting an unknown entry throws NotFoundException")
    void unknownEntry() {
        AuditEntry e = chain(Fixtures.customerId(), "x", 1).get(0);
        assertThatThrownBy(() -> audit().redact(e.redacted(p -> false))).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("a redaction rolls back with its transaction; one in the transaction that appended the entry commits with it")
    void transactional() {
        List<AuditEntry> chain = chain(Fixtures.customerId(), UniqueIds.next("canary"), 2);
        audit().append(chain.get(0));
        assertThatThrownBy(() -> store().runInTransaction(() -> {
            audit().redact(chain.get(0).redacted(p -> false));
            throw new IllegalStateException("roll back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(stored(chain.get(0))).containsExactly(chain.get(0));
        AuditEntry second = chain.get(1).redacted(p -> false);
        store().runInTransaction(() -> {
            audit().append(chain.get(1));
            audit().redact(second);
        });
        assertThat(stored(chain.get(0))).containsExactly(chain.get(0), second);
        assertThat(TRAIL.verify(stored(chain.get(0)).stream(), e -> null).problems()).isEmpty();
    }
}
