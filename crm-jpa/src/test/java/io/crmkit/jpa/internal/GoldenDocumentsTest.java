package io.crmkit.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmkit.core.account.AccountSnapshot;
import io.crmkit.core.common.Meta;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerName;
import io.crmkit.core.customer.ExtensionValue;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.LifecycleChange;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.customer.RiskTolerance;
import io.crmkit.core.customer.TierCode;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.ExternalRef;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionId;
import io.crmkit.core.interaction.Outcome;
import io.crmkit.core.interaction.Participant;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.tier.AssignmentSource;
import io.crmkit.core.tier.TierAssignment;
import io.crmkit.jpa.testing.Fixtures;

/**
 * The documents this version writes, kept under {@code src/test/resources/golden/v1}: every later
 * version must read them into equal records, so data written today stays readable. Writing the
 * same records must also give the same documents (as JSON trees), so a change of format cannot
 * slip in without a new format version and new golden files. To write them again after a
 * deliberate format change: {@code -Dcrmkit.golden.write=true} (then raise the format version).
 */
@DisplayName("Stored documents of format 1")
class GoldenDocumentsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/v1");
    private static final ObjectMapper TREE = new ObjectMapper();
    private static final Instant T = Instant.parse("2026-03-01T09:30:00.123456Z");

    static Map<String, Object> samples() {
        Map<String, Object> out = new LinkedHashMap<>();
        Meta meta = new Meta(3, T, "rm-017", T.plusSeconds(60), "rm-018");
        Customer customer = new Customer(CustomerId.of("01JGOLDEN000000000000000C1"),
                io.crmkit.core.customer.CustomerType.INDIVIDUAL, new CustomerName("Zhang Wei", "Wei", "\u5f20\u4f1f"),
                List.of(Identifier.passport("GB", "E1234567")), LocalDate.of(1980, 5, 17),
                new Profile("CN-31", "SH", "ENGINEER", "TECH", "B3", RiskTolerance.values()[0], "K2"),
                LifecycleStage.ACTIVE, List.of(new LifecycleChange(null, LifecycleStage.ACTIVE, LocalDate.of(2026, 3, 1),
                        "registered", T, "rm-017")), StaffId.of("rm-017"), OrgUnitId.of("br-sh-01"), TierCode.of("GOLD"),
                Set.of("vip"), List.of(ContactPoint.phone("+8613800138000", "mobile",
                        Consent.granted(ConsentPurpose.values()[0], "signed form", T)).asPrimary(),
                        ContactPoint.postal(new PostalAddress(List.of("1 Century Avenue"), "Shanghai", "SH", "200120", "CN"),
                                "home")),
                Map.of("riskScore", ExtensionValue.decimal(new BigDecimal("12.5")), "kycDone", ExtensionValue.flag(true),
                        "loyaltyNo", ExtensionValue.text("L-778"), "renewal", ExtensionValue.date(LocalDate.of(2027, 1, 1))),
                meta);
        out.put("Customer", customer);
        out.put("Interaction", new Interaction(InteractionId.of("01JGOLDEN000000000000000I1"), customer.id(),
                Channel.PHONE, Direction.OUTBOUND, T, Duration.ofMinutes(7), "Annual review", "Discussed\nallocation",
                Outcome.values()[0], List.of(new Participant(Participant.Kind.values()[0], "rm-017", "host")), null, null,
                new ExternalRef("callcenter", "CC-1"), meta));
        out.put("Opportunity", Fixtures.opportunity("01JGOLDEN000000000000000O1", customer.id().value(), "rm-017", "LEAD"));
        out.put("Task", Fixtures.task("01JGOLDEN000000000000000T1", "rm-017", T, io.crmkit.core.task.TaskStatus.OPEN,
                customer.id().value()));
        out.put("Contact", Fixtures.contact("01JGOLDEN000000000000000K1", customer.id().value(), true));
        out.put("Relationship", Fixtures.relationship("01JGOLDEN000000000000000R1", customer.id().value(), "other"));
        out.put("LinkedAccount", Fixtures.account("01JGOLDEN000000000000000A1", customer.id().value(), "ACC-1"));
        out.put("AccountSnapshot", Fixtures.snapshot("01JGOLDEN000000000000000A1", LocalDate.of(2026, 2, 27), "1000.5"));
        out.put("Pipeline", Fixtures.pipeline("wealth"));
        out.put("TierAssignment", new TierAssignment(customer.id(), TierCode.of("GOLD"), TierCode.of("SILVER"), T,
                AssignmentSource.MANUAL, "review", "rm-017", T.plusSeconds(86_400)));
        return out;
    }

    @Test
    @DisplayName("every golden document reads into the record it was written from, and writing gives the same document")
    void goldenDocuments() throws IOException {
        boolean write = Boolean.getBoolean("crmkit.golden.write");
        for (Map.Entry<String, Object> e : samples().entrySet()) {
            Path file = GOLDEN.resolve(e.getKey() + ".json");
            String written = DocumentCodec.write(e.getValue());
            if (write) {
                Files.createDirectories(GOLDEN);
                Files.writeString(file, TREE.writerWithDefaultPrettyPrinter().writeValueAsString(TREE.readTree(written)) + "\n");
            }
            String golden = Files.readString(file, StandardCharsets.UTF_8).strip();
            assertThat(DocumentCodec.read(golden, e.getValue().getClass())).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(TREE.readTree(written)).as(e.getKey()).isEqualTo(TREE.readTree(golden));
            assertThat(DocumentCodec.formatOf(written)).isEqualTo(DocumentCodec.CURRENT_FORMAT);
        }
    }

    @Test
    @DisplayName("a document written before versioning (no _format) is read as format 1")
    void unversionedIsFormatOne() throws IOException {
        String golden = TREE.writeValueAsString(((com.fasterxml.jackson.databind.node.ObjectNode) TREE.readTree(read("Customer"))).without(DocumentCodec.FORMAT_FIELD));
        assertThat(DocumentCodec.formatOf(golden)).isEqualTo(1);
        assertThat(DocumentCodec.read(golden, Customer.class)).isEqualTo(samples().get("Customer"));
    }

    @Test
    @DisplayName("a later format reads format 1 through its upcaster, and an older codec refuses the newer document")
    void upcastersAndNewerFormats() {
        // a hypothetical format 2 in which task titles are stored upper-case: its upcaster maps format 1 forward
        DocumentCodec v2 = new DocumentCodec(2, List.of(new DocumentCodec.Upcaster(io.crmkit.core.task.Task.class, 1,
                doc -> doc.put("title", doc.get("title").asText().toUpperCase(java.util.Locale.ROOT)))));
        io.crmkit.core.task.Task task = (io.crmkit.core.task.Task) samples().get("Task");

        assertThat(v2.decode(read("Task"), io.crmkit.core.task.Task.class)).isEqualTo(new io.crmkit.core.task.Task(task.id(), "CALL BACK", task.description(), task.assignee(), task.dueAt(),
                        task.remindAt(), task.priority(), task.status(), task.customerId(), task.opportunityId(),
                        task.completedAt(), task.meta()));
        assertThat(v2.decode(v2.encode(task), io.crmkit.core.task.Task.class)).isEqualTo(task);
        assertThat(DocumentCodec.formatOf(v2.encode(task))).isEqualTo(2);
        assertThatThrownBy(() -> DocumentCodec.read(v2.encode(task), io.crmkit.core.task.Task.class))
                .isInstanceOf(StoreException.class).hasMessageContaining("format 2, newer than this version reads (1)")
                .hasMessageNotContaining("Call back");
    }

    private static String read(String name) {
        try {
            return Files.readString(GOLDEN.resolve(name + ".json"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
