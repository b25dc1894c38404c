package io.crmkit.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.CustomerId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The hash of an entry is part of what is stored: chains written by earlier versions must still
 * verify, whatever way a later version finds to compute the hash faster. The expected values were
 * computed by the implementation at commit d57d4f1; the entry holds non-Latin text, a surrogate
 * pair and a lone surrogate, where a byte-level rewrite would most likely drift.
 */
@DisplayName("Audit hashes: the same bytes as the stored chains were hashed with")
class AuditHashFormatTest {
    private static final String ODD = "\u5f20\u4f1f \ud83d\ude00 \ud800";

    private static AuditEntry entry() {
        return new AuditEntry("e1", "Customer", "c-1", 2, CustomerId.of("c-1"), Instant.parse("2026-11-02T09:30:00.123456Z"),
                "rm-1", null, "customer.update", "UPDATE",
                List.of(FieldChange.sealed("name.legal", "Zh\u00e4ng Wei", ODD, "c2FsdC1zYWx0LXNhbHQ"),
                        new FieldChange("lifecycle", "PROSPECT", "ACTIVE")),
                "called \u00e9", "corr-1", null, null, "abc", "-", "cmVhc29uLXNhbHQ", null);
    }

    @Test
    @DisplayName("plain and keyed entry hashes and a commitment are unchanged")
    void hashesAreUnchanged() {
        assertThat(AuditTrail.unkeyed().hash(entry()))
                .isEqualTo("5f1654d4b2b5acaf36932e8fc0c8b92be6693ae818e9d58a51c661e875415412");
        assertThat(AuditTrail.keyed("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8)).hash(entry()))
                .isEqualTo("70a6fa0db8851d9646f048d11e5623bc8140ce2148279367f21e27a0d3be2392");
        assertThat(AuditTrail.commit("salt-1", "old", "Zh\u00e4ng " + ODD))
                .isEqualTo("b0a31b550de34d60a7fc0937d2e0693800e24ffde6c5487b02fe487291df87c2");
    }

    @Test
    @DisplayName("hashing twice on one thread gives the same hash (the thread's digest starts afresh)")
    void repeatable() {
        AuditTrail trail = AuditTrail.unkeyed();
        String first = trail.hash(entry());
        AuditTrail.commit("s", "new", "x");
        assertThat(trail.hash(entry())).isEqualTo(first);
    }
}
