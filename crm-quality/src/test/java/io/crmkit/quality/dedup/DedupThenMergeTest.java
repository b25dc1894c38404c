package io.crmkit.quality.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.governance.Depth;
import io.crmkit.core.governance.Operation;
import io.crmkit.core.governance.Permissions;
import io.crmkit.core.governance.Role;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.merge.MergeRecord;
import io.crmkit.core.merge.Survivorship;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import io.crmkit.quality.normalize.PhoneNormalizer;
import io.crmkit.quality.testing.DedupPopulation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Planted duplicates fed into a merge: a generated population (planted duplicates and hard
 * negatives) is registered as customers, the batch dedup runs over the stored customers, and every
 * SAME pair is merged through {@code merges()}. Then: one merge per SAME pair, every planted pair
 * reads as one customer, every hard negative is untouched, and a read through a merged id gives
 * the survivor.
 */
class DedupThenMergeTest {
    private static final PhoneNormalizer PHONES = PhoneNormalizer.forRegion("CN");

    @Test
    @DisplayName("dedup over stored customers, then a merge of every SAME pair: planted pairs resolved, hard negatives untouched")
    void plantedDuplicatesMerged() {
        DedupPopulation pop = DedupPopulation.generate(4_000, 11);
        Crm crm = Crm.builder().store(InMemoryCrmStore.create()).permissions(Permissions.builder()
                .role(Role.builder("ADMIN").grant(Depth.ALL, Operation.values()).build()).build()).build();
        CrmSession admin = crm.as(Actor.staff(StaffId.of("admin"), OrgUnitId.of("ho"), "ADMIN"));
        Map<String, CustomerId> ids = register(admin, pop.records());
        Map<CustomerId, String> keys = new HashMap<>();
        ids.forEach((k, v) -> keys.put(v, k));

        List<MatchRecord> stored = ids.values().stream().map(id -> MatchRecord.of(admin.customers().get(id))).toList();
        DedupResult found = DuplicateFinder.ofDefaults().find(stored);
        List<CandidatePair> same = found.pairs().stream().filter(p -> p.decision() == Decision.SAME).toList();
        int merges = 0;
        Set<CustomerId> merged = new HashSet<>();
        for (CandidatePair p : same) {
            CustomerId a = admin.merges().resolve(CustomerId.of(p.left()));
            CustomerId b = admin.merges().resolve(CustomerId.of(p.right()));
            if (a.equals(b)) {
                continue; // already one customer through an earlier merge
            }
            // the record generated first (the original) survives
            boolean aFirst = keys.get(a).compareTo(keys.get(b)) < 0;
            MergeRecord m = admin.merges().merge(aFirst ? a : b, aFirst ? b : a, Survivorship.defaults());
            merged.add(m.duplicate());
            merges++;
        }

        assertThat(pop.truePairs()).hasSizeGreaterThan(300);
        assertThat(pop.hardNegatives()).hasSizeGreaterThan(80);
        assertThat(same).as("SAME pairs").hasSizeGreaterThanOrEqualTo(pop.truePairs().size());
        assertThat(merges).as("one merge per SAME pair, none of them chained").isEqualTo(same.size());
        for (String pair : pop.truePairs()) {
            String[] k = pair.split("\\|");
            CustomerId original = ids.get(k[0]);
            CustomerId dup = ids.get(k[1]);
            assertThat(admin.merges().resolve(dup)).as("planted pair %s", pair).isEqualTo(original);
            assertThat(admin.customers().get(dup).id()).as("a read through the merged id of %s", pair).isEqualTo(original);
        }
        for (String negative : pop.hardNegatives()) {
            CustomerId id = ids.get(negative);
            assertThat(admin.merges().mergesOf(id)).as("hard negative %s", negative).isEmpty();
            assertThat(admin.customers().get(id).id()).isEqualTo(id);
        }
        long live = ids.values().stream().filter(id -> admin.merges().resolve(id).equals(id)).count();
        assertThat(live).as("customers left").isEqualTo(pop.records().size() - merges);
        assertThat(merged).hasSize(merges);
    }

    /**
     * Registers every record as a customer, as an import would: phones in E.164; an identifier an
     * earlier customer holds already is left off (the duplicate's source kept none of its own).
     */
    private static Map<String, CustomerId> register(CrmSession admin, List<MatchRecord> records) {
        Map<String, CustomerId> ids = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (MatchRecord r : records) {
            NewCustomer.Builder b = NewCustomer.individual(r.legalName()).localName(r.localName()).birthDate(r.birthDate())
                    .profile(new Profile(null, r.city(), null, null, null, null, null));
            r.identifiers().stream().filter(i -> taken.add(i.naturalKey())).forEach(b::identifier);
            r.phones().forEach(p -> b.contactPoint(ContactPoint.phone(PHONES.toE164(p, "phone"), null)));
            r.emails().forEach(e -> b.contactPoint(ContactPoint.email(e, null)));
            Customer c = admin.customers().register(b.build());
            ids.put(r.key(), c.id());
        }
        return ids;
    }
}
