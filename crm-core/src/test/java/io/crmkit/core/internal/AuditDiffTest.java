package io.crmkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmkit.core.audit.FieldChange;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerName;
import io.crmkit.core.customer.CustomerType;
import io.crmkit.core.customer.ExtensionValue;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.IdentifierType;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.core.common.Meta;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("AuditDiff: the leaves of the stored JSON form, sealed only where a value could be erased")
class AuditDiffTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    record Numbers(int count, long big, double ratio, BigDecimal amount, BigDecimal scaled, boolean flag, List<Object> empty,
            List<List<String>> nested, Map<String, Object> map, String text, String absent) {}

    private static Customer customer() {
        return new Customer(CustomerId.of("c-1"), CustomerType.INDIVIDUAL, new CustomerName("Zhang Wei", "Wei", "张伟"),
                List.of(new Identifier(IdentifierType.EXTERNAL_SYSTEM, "CORE-0001", "core")),
                LocalDate.of(1970, 1, 1), new Profile("east", "Shanghai", "teacher", null, "B", null, "2"),
                LifecycleStage.ACTIVE, List.of(), StaffId.of("rm-1"), OrgUnitId.of("t-1"), null, Set.of("retail", "vip"),
                List.of(ContactPoint.phone("+8613800138000", "mobile")), Map.of("loyalty", ExtensionValue.text("gold")),
                Meta.created(T0, "test"));
    }

    @Test
    @DisplayName("a created record's changes are exactly the leaves of its JSON tree, meta left out")
    void createdRecordMatchesTheTree() {
        for (Object record : List.of(customer(), new Numbers(7, 1L << 40, 0.1, new BigDecimal("100.00"), new BigDecimal("1E+3"), true,
                List.of(), List.of(List.of("a"), List.of()), new LinkedHashMap<>(Map.of("k", 2.5)), "x", null))) {
            Map<String, String> fromDiff = new TreeMap<>();
            for (FieldChange c : AuditDiff.diff(null, record)) {
                assertThat(c.oldValue()).isNull();
                fromDiff.put(c.path(), c.newValue());
            }
            Map<String, String> tree = new TreeMap<>();
            treeLeaves(CrmJson.mapper().valueToTree(record), "", tree);
            tree.replaceAll((path, v) -> AuditDiff.sensitive(path) ? FieldChange.MASKED : v);
            assertThat(fromDiff).isEqualTo(tree).isNotEmpty();
        }
    }

    @Test
    @DisplayName("an update lists the changed leaves with old and new values")
    void updateListsChangedLeaves() {
        Customer before = customer();
        Customer after = before.withTag("premier").withOwner(StaffId.of("rm-2"));
        Map<String, FieldChange> byPath = new TreeMap<>();
        AuditDiff.diff(before, after).forEach(c -> byPath.put(c.path(), c));
        assertThat(byPath.get("owner").oldValue()).isEqualTo("rm-1");
        assertThat(byPath.get("owner").newValue()).isEqualTo("rm-2");
        assertThat(byPath.keySet()).containsExactly("owner", "tags");
        assertThat(byPath.get("tags").oldValue()).isEqualTo("[\"retail\",\"vip\"]");
        assertThat(byPath.get("tags").newValue()).isEqualTo("[\"premier\",\"retail\",\"vip\"]");
    }

    @Test
    @DisplayName("a changed set of strings is one change, its members sorted, whatever the set's iteration order")
    void aSetIsOneSortedValue() {
        Set<String> many = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            many.add("t" + i);
        }
        Customer before = customer().withTags(many);
        List<FieldChange> removed = AuditDiff.diff(before, before.withoutTag("t0"));
        assertThat(removed).extracting(FieldChange::path).containsExactly("tags");
        assertThat(removed.get(0).oldValue()).startsWith("[\"t0\",\"t1\",\"t10\",").endsWith(",\"t9\"]");
        assertThat(removed.get(0).newValue()).startsWith("[\"t1\",\"t10\",");
        assertThat(removed.get(0).isSealed()).isTrue();
        List<FieldChange> emptied = AuditDiff.diff(customer(), customer().withTags(Set.of()));
        assertThat(emptied).extracting(FieldChange::newValue).containsExactly("[]");
    }

    @Test
    @DisplayName("changes holding a value are sealed with salts of their own; masked or absent ones are not sealed")
    void sealingOnlyWhereAValueIsKept() {
        List<FieldChange> changes = AuditDiff.diff(null, customer());
        Set<String> salts = new HashSet<>();
        for (FieldChange c : changes) {
            boolean holds = c.newValue() != null && !c.newValue().equals(FieldChange.MASKED);
            assertThat(c.isSealed()).as(c.path()).isEqualTo(holds);
            if (holds) {
                assertThat(salts.add(c.salt())).as("salt of " + c.path() + " is its own").isTrue();
            }
        }
        assertThat(changes).anyMatch(FieldChange::isSealed).anyMatch(c -> !c.isSealed());
    }

    /** The reference: the record's JSON tree, walked as the trail's paths name its leaves. */
    private static void treeLeaves(JsonNode node, String path, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (!(path.isEmpty() && f.getKey().equals("meta"))) {
                    treeLeaves(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out);
                }
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.put(path, "[]");
            }
            for (int i = 0; i < node.size(); i++) {
                treeLeaves(node.get(i), path + "[" + i + "]", out);
            }
        } else if (!node.isNull()) {
            out.put(path, node.isTextual() ? node.textValue() : node.toString());
        }
    }
}
