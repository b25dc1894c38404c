package io.crmkit.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sealed audit entries: values can be erased while the hash chain still verifies")
class SealedAuditTest {
    private static final Instant AT = Instant.parse("2026-11-02T09:30:00.123456Z");

    private static List<AuditEntry> chain(AuditTrail trail, boolean sealed) {
        List<AuditEntry> out = new ArrayList<>();
        String prev = "";
        for (int i = 1; i <= 3; i++) {
            FieldChange name = sealed ? FieldChange.sealed("name.legal", "Zhang Wei", "Zhang Wei " + i, AuditTrail.newSalt())
                    : new FieldChange("name.legal", "Zhang Wei", "Zhang Wei " + i);
            FieldChange stage = sealed ? FieldChange.sealed("lifecycle", "PROSPECT", "ACTIVE", AuditTrail.newSalt())
                    : new FieldChange("lifecycle", "PROSPECT", "ACTIVE");
            AuditEntry draft = new AuditEntry("e" + i, "Customer", "c-1", i, CustomerId.of("c-1"), AT.plusSeconds(i), "rm-1", null,
                    "customer.update", "UPDATE", List.of(name, stage), "called +8613800138000", "corr-" + i, null, null, prev, "-",
                    sealed ? AuditTrail.newSalt() : null, null);
            AuditEntry e = draft.withHash(trail.hash(draft));
            out.add(e);
            prev = e.hash();
        }
        return out;
    }

    @Test
    @DisplayName("a redacted sealed chain verifies, keeps the codes and holds none of the erased values")
    void redactedChainVerifies() {
        AuditTrail trail = AuditTrail.keyed("0123456789abcdef0123".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<AuditEntry> redacted = chain(trail, true).stream().map(e -> e.redacted("lifecycle"::equals)).toList();
        assertThat(trail.verify(redacted.stream(), e -> null).problems()).isEmpty();
        AuditEntry first = redacted.get(0);
        assertThat(first.changes().get(0).oldValue()).isEqualTo(FieldChange.ERASED);
        assertThat(first.changes().get(0).salt()).isNull();
        assertThat(first.changes().get(1).newValue()).isEqualTo("ACTIVE");
        assertThat(first.reason()).isEqualTo(FieldChange.ERASED);
        assertThat(redacted.toString() + redacted.stream().map(e -> e.changes().toString() + e.changes().get(0).oldValue()
                + e.reason() + e.salt()).toList()).doesNotContain("Zhang", "8613800138000");
        assertThat(first.redacted(p -> false).changes().get(0)).as("redacting twice changes nothing more")
                .isEqualTo(first.changes().get(0));
    }

    @Test
    @DisplayName("changing a kept value or an erased value's commitment after redaction is detected")
    void tamperingAfterRedactionIsDetected() {
        AuditTrail trail = AuditTrail.unkeyed();
        List<AuditEntry> redacted = new ArrayList<>(chain(trail, true).stream().map(e -> e.redacted("lifecycle"::equals)).toList());
        AuditEntry e = redacted.get(1);
        FieldChange erased = e.changes().get(0);
        FieldChange forgedCommitment = new FieldChange(erased.path(), erased.oldValue(), erased.newValue(), null,
                erased.oldCommitment(), AuditTrail.commit("guess", "new", "Li Na"));
        redacted.set(1, e.withChanges(List.of(forgedCommitment, e.changes().get(1))));
        assertThat(trail.verify(redacted.stream(), x -> null).problems()).anyMatch(p -> p.contains("Customer/c-1#2"));

        redacted.set(1, e.withChanges(List.of(erased, new FieldChange("lifecycle", "PROSPECT", "CLOSED",
                e.changes().get(1).salt(), null, null))));
        assertThat(trail.verify(redacted.stream(), x -> null).problems()).anyMatch(p -> p.contains("Customer/c-1#2"));
    }

    @Test
    @DisplayName("entries written before sealing still verify, and come back unchanged from a redaction")
    void unsealedEntriesStayAsTheyWere() {
        AuditTrail trail = AuditTrail.unkeyed();
        List<AuditEntry> legacy = chain(trail, false);
        assertThat(trail.verify(legacy.stream(), e -> null).problems()).isEmpty();
        assertThat(legacy.get(0).redacted(p -> false)).isEqualTo(legacy.get(0));
        assertThatThrownBy(() -> legacy.get(0).changes().get(0).redacted()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("change.salt");
    }

    @Test
    @DisplayName("a commitment depends on the salt and the side, and an absent value commits to '-'")
    void commitments() {
        assertThat(AuditTrail.commit("s1", "new", "v")).isNotEqualTo(AuditTrail.commit("s2", "new", "v"))
                .isNotEqualTo(AuditTrail.commit("s1", "old", "v")).hasSize(64);
        assertThat(AuditTrail.commit("s1", "new", null)).isEqualTo("-");
        assertThat(AuditTrail.newSalt()).isNotEqualTo(AuditTrail.newSalt()).hasSize(22);
        assertThatThrownBy(() -> new FieldChange("p", "a", "b", "salt", "c", null)).isInstanceOf(ValidationException.class);
    }
}
