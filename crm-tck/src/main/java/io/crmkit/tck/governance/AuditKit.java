package io.crmkit.tck.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmkit.core.CrmSession;
import io.crmkit.core.approval.FourEyes;
import io.crmkit.core.audit.AuditEntry;
import io.crmkit.core.audit.AuditTrail;
import io.crmkit.core.audit.FieldChange;
import io.crmkit.core.common.Aggregate;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.Page;
import io.crmkit.core.spi.PageRequest;
import io.crmkit.core.spi.Repository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The audit trail on a store: every public mutating method (found by reflection, as in
 * {@link AccessMatrixKit}) leaves entries whose diff matches the stored record; a rolled-back unit
 * leaves none; the chains verify. Subclass with {@link #createStore()}; a store outside the JVM
 * also overrides {@link #tamper} so the suite can check that changing, deleting or inserting one
 * stored row is detected.
 */
@DisplayName("governance › the audit trail")
public abstract class AuditKit {
    protected abstract CrmStore createStore();

    /**
     * A fresh store of its own (so no other test's trail is touched) with a way to tamper with its
     * stored trail behind the library's back; empty when the store cannot be reached so.
     */
    protected Optional<Tamperable> tamperable() {
        return Optional.empty();
    }

    /** A store and row-level access to its stored trail. */
    public record Tamperable(CrmStore store, Tamper tamper) {}

    /** Row-level access to the stored trail, for the tamper test (plain JDBC, say). */
    public interface Tamper {
        /** Changes one stored value of the entry with this id (for example a changed field's new value). */
        void change(String entryId);

        /** Deletes the entry's row. */
        void delete(String entryId);

        /** Inserts a copy of the entry under a new id, as the next one of its chain, with a forged hash. */
        void insertAfter(String entryId);
    }

    /** Jobs that write only when something is due; on the generated firm nothing is, so they leave no entry. */
    private static final Set<String> NOTHING_TO_DO = Set.of("erasure.runDue");

    @Test
    @DisplayName("every mutating method leaves entries whose diff matches the stored record")
    void everyMutationIsAudited() throws Exception {
        // a fresh customer per mutating method: 24 managers x 4 customers leaves room for the API to grow
        GeneratedOrganisation org = new GeneratedOrganisation(createStore(), FourEyes.none(), 4);
        GeneratedOrganisation.Principal admin = org.principals.get("admin");
        CrmSession session = org.crm.as(admin.actor());
        Arguments args = new Arguments(org, org.crm.store(), Map.of());
        Iterator<GeneratedOrganisation.Book> targets = org.books.iterator();
        List<String> problems = new ArrayList<>();
        int audited = 0;
        for (Method accessor : AccessMatrixKit.services()) {
            if (accessor.getName().equals("audit") || accessor.getName().equals("approvals")) {
                continue;
            }
            Object service = accessor.invoke(session);
            for (Method m : AccessMatrixKit.methods(accessor.getReturnType())) {
                String key = accessor.getName() + "." + m.getName();
                if (!AccessMatrixKit.OPERATIONS.containsKey(key) || NOTHING_TO_DO.contains(key)) {
                    continue;
                }
                GeneratedOrganisation.Book target = targets.next();
                String newest = newestId(session, admin.actor().id());
                try {
                    m.invoke(service, args.build(m, target, null, new ArrayList<>()));
                } catch (InvocationTargetException e) {
                    // a change that always waits for approval (erasure) is audited as its parked request
                    if (!(e.getCause() instanceof io.crmkit.core.approval.ApprovalRequiredException)) {
                        problems.add(key + " failed with " + e.getCause());
                        continue;
                    }
                }
                List<AuditEntry> fresh = entriesSince(session, admin.actor().id(), newest);
                if (fresh.isEmpty()) {
                    problems.add(key + " left no audit entry");
                    continue;
                }
                audited++;
                for (AuditEntry e : latestPerStream(fresh)) {
                    problems.addAll(checkDiff(org.crm.store(), key, e));
                }
            }
        }
        assertThat(problems).as("mutations without a correct audit entry").isEmpty();
        assertThat(audited).as("mutating methods tried").isGreaterThanOrEqualTo(25);
        assertThat(session.audit().verify().problems()).as("chain problems").isEmpty();
    }

    @Test
    @DisplayName("a rolled-back unit of work leaves no entry, and nothing else is lost")
    void rollbackLeavesNoEntry() {
        GeneratedOrganisation org = new GeneratedOrganisation(createStore(), FourEyes.none());
        CrmSession admin = org.crm.as(org.principals.get("admin").actor());
        String before = newestId(admin, admin.actor().id());
        GeneratedOrganisation.Book b = org.books.get(0);
        assertThatThrownBy(() -> admin.inTransaction(() -> {
            admin.customers().register(NewCustomer.individual("Rolled Back").owner(b.customer().owner()).active().build());
            admin.customers().update(admin.customers().get(b.customer().id()).withTag("never"));
            throw new IllegalStateException("host failure after the writes");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(entriesSince(admin, admin.actor().id(), before)).isEmpty();
        assertThat(admin.customers().get(b.customer().id()).tags()).doesNotContain("never");
    }

    @Test
    @DisplayName("per customer, newest first with keyset paging; the chain verifies")
    void historyPerCustomer() {
        GeneratedOrganisation org = new GeneratedOrganisation(createStore(), FourEyes.none());
        CrmSession admin = org.crm.as(org.principals.get("admin").actor());
        GeneratedOrganisation.Book b = org.books.get(1);
        for (int i = 0; i < 7; i++) {
            admin.customers().update(admin.customers().get(b.customer().id()).withTag("t" + i));
        }
        List<AuditEntry> all = new ArrayList<>();
        PageRequest page = PageRequest.first(3);
        while (true) {
            Page<AuditEntry> p = admin.audit().forCustomer(b.customer().id(), page);
            all.addAll(p.items());
            if (!p.hasNext()) {
                break;
            }
            page = page.next(p);
        }
        assertThat(all).extracting(AuditEntry::id).doesNotHaveDuplicates();
        for (int i = 1; i < all.size(); i++) {
            AuditEntry prev = all.get(i - 1);
            AuditEntry next = all.get(i);
            assertThat(prev.at().isAfter(next.at()) || (prev.at().equals(next.at()) && prev.id().compareTo(next.id()) > 0))
                    .as("newest first").isTrue();
        }
        List<AuditEntry> updates = all.stream().filter(e -> e.streamType().equals("Customer") && e.action().equals("UPDATE")).toList();
        assertThat(updates).hasSizeGreaterThanOrEqualTo(7);
        assertThat(updates.get(0).changes()).extracting(FieldChange::path).anyMatch(p -> p.startsWith("tags"));
        assertThat(updates.get(0).correlationId()).isNotBlank();
        AuditTrail.Verification v = admin.audit().verify();
        assertThat(v.problems()).isEmpty();
        assertThat(v.entries()).isGreaterThan(7);
    }

    @Test
    @DisplayName("a changed, deleted or inserted stored entry is detected")
    void tamperingIsDetected() {
        Optional<Tamperable> found = tamperable();
        org.junit.jupiter.api.Assumptions.assumeTrue(found.isPresent(), "this store cannot be tampered with from outside");
        CrmStore store = found.get().store();
        Optional<Tamper> t = Optional.of(found.get().tamper());
        GeneratedOrganisation org = new GeneratedOrganisation(store, FourEyes.none());
        CrmSession admin = org.crm.as(org.principals.get("admin").actor());
        assertThat(admin.audit().verify().problems()).isEmpty();
        for (String kind : List.of("change", "delete", "insert")) {
            GeneratedOrganisation fresh = new GeneratedOrganisation(store, FourEyes.none());
            CrmSession s = fresh.crm.as(fresh.principals.get("admin").actor());
            GeneratedOrganisation.Book b = fresh.books.get(2);
            s.customers().update(s.customers().get(b.customer().id()).withTag("one"));
            s.customers().update(s.customers().get(b.customer().id()).withTag("two"));
            AuditEntry first = s.audit().forCustomer(b.customer().id(), PageRequest.first(50)).items().stream()
                    .filter(e -> e.streamType().equals("Customer") && e.seq() == 2).findFirst().orElseThrow();
            switch (kind) {
                case "change" -> t.get().change(first.id());
                case "delete" -> t.get().delete(first.id());
                default -> t.get().insertAfter(first.id());
            }
            assertThat(s.audit().verify().problems()).as("after a " + kind).isNotEmpty()
                    .anyMatch(p -> p.contains("Customer/" + b.customer().id()));
        }
    }

    private static String newestId(CrmSession s, String actor) {
        List<AuditEntry> top = s.audit().byActor(actor, PageRequest.first(1)).items();
        return top.isEmpty() ? "" : top.get(0).id();
    }

    private static List<AuditEntry> entriesSince(CrmSession s, String actor, String newest) {
        List<AuditEntry> out = new ArrayList<>();
        PageRequest page = PageRequest.first(100);
        while (true) {
            Page<AuditEntry> p = s.audit().byActor(actor, page);
            for (AuditEntry e : p.items()) {
                if (e.id().equals(newest)) {
                    return out;
                }
                out.add(e);
            }
            if (!p.hasNext()) {
                return out;
            }
            page = page.next(p);
        }
    }

    private static List<AuditEntry> latestPerStream(List<AuditEntry> newestFirst) {
        Set<String> seen = new HashSet<>();
        List<AuditEntry> out = new ArrayList<>();
        for (AuditEntry e : newestFirst) {
            if (seen.add(e.streamType() + "/" + e.streamId())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Every unmasked new value in the entry equals the stored record's value at that path. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> checkDiff(CrmStore store, String key, AuditEntry e) {
        List<String> out = new ArrayList<>();
        if (e.changes().isEmpty() && !e.action().equals("DELETE")) {
            out.add(key + ": " + e.streamType() + " entry without changes");
        }
        Repository repo = repository(store, e.streamType());
        if (repo == null) {
            return out;
        }
        Object id = idOf(e.streamType(), e.streamId());
        Optional<Aggregate<?, ?>> current = repo.findById(id);
        if (e.action().equals("DELETE")) {
            if (current.isPresent()) {
                out.add(key + ": deleted " + e.streamType() + " still stored");
            }
            return out;
        }
        if (current.isEmpty()) {
            out.add(key + ": audited " + e.streamType() + " not stored");
            return out;
        }
        Map<String, String> flat = new HashMap<>();
        flatten(CrmJson.mapper().valueToTree(current.get()), "", flat);
        for (FieldChange c : e.changes()) {
            if (c.newValue() != null && !c.newValue().equals(FieldChange.MASKED) && !c.newValue().equals(flat.get(c.path()))
                    && !sameMembers(c.newValue(), flat, c.path())) {
                out.add(key + ": " + e.streamType() + "." + c.path() + " audited as a value the record does not hold");
            }
            if (c.newValue() == null && flat.containsKey(c.path())) {
                out.add(key + ": " + e.streamType() + "." + c.path() + " audited as removed but still held");
            }
        }
        return out;
    }

    /**
     * Whether {@code value}, a JSON array of strings (how an update audits a changed set of
     * strings), holds exactly the members the record lists at {@code path[0]}, {@code path[1]}, ...
     */
    private static boolean sameMembers(String value, Map<String, String> flat, String path) {
        List<String> audited = new ArrayList<>();
        try {
            JsonNode array = CrmJson.mapper().readTree(value);
            if (!array.isArray()) {
                return false;
            }
            array.forEach(n -> audited.add(n.isTextual() ? n.textValue() : n.toString()));
        } catch (java.io.IOException e) {
            return false;
        }
        List<String> stored = new ArrayList<>();
        for (int i = 0; flat.containsKey(path + "[" + i + "]"); i++) {
            stored.add(flat.get(path + "[" + i + "]"));
        }
        audited.sort(null);
        stored.sort(null);
        return !stored.isEmpty() && stored.equals(audited);
    }

    private static void flatten(JsonNode node, String path, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (!(path.isEmpty() && f.getKey().equals("meta"))) {
                    flatten(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out);
                }
            });
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.put(path, "[]");
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", out);
            }
        } else if (!node.isNull()) {
            out.put(path, node.isTextual() ? node.textValue() : node.toString());
        }
    }

    private static @Nullable Repository<?, ?> repository(CrmStore store, String type) {
        return switch (type) {
            case "Customer" -> store.customers();
            case "Contact" -> store.contacts();
            case "Relationship" -> store.relationships();
            case "LinkedAccount" -> store.accounts();
            case "Interaction" -> store.interactions();
            case "Opportunity" -> store.opportunities();
            case "Task" -> store.tasks();
            case "ServiceCase" -> store.cases();
            case "Staff" -> store.staff();
            case "OrgUnit" -> store.orgUnits();
            default -> null;
        };
    }

    private static Object idOf(String type, String id) {
        return switch (type) {
            case "Customer" -> io.crmkit.core.customer.CustomerId.of(id);
            case "Contact" -> io.crmkit.core.customer.ContactId.of(id);
            case "Relationship" -> io.crmkit.core.customer.RelationshipId.of(id);
            case "LinkedAccount" -> io.crmkit.core.account.AccountId.of(id);
            case "Interaction" -> io.crmkit.core.interaction.InteractionId.of(id);
            case "Opportunity" -> io.crmkit.core.opportunity.OpportunityId.of(id);
            case "Task" -> io.crmkit.core.task.TaskId.of(id);
            case "ServiceCase" -> io.crmkit.core.casework.CaseId.of(id);
            case "Staff" -> io.crmkit.core.org.StaffId.of(id);
            default -> io.crmkit.core.org.OrgUnitId.of(id);
        };
    }
}
