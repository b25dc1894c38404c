package io.crmkit.core.internal;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerName;
import io.crmkit.core.customer.ExtensionValue;
import io.crmkit.core.customer.Identifier;
import io.crmkit.core.customer.IdentifierType;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.merge.MergeField;
import io.crmkit.core.MergeService;
import io.crmkit.core.merge.Survivorship;
import io.crmkit.core.merge.SurvivorshipRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The survivor a merge stores: every {@link MergeField} chosen by its rule (falling back to the other
 * side when the choice is empty), and the union of identifiers, contact points and tags. Pure
 * functions; thread-safe.
 */
final class SurvivorshipApplier {
    private SurvivorshipApplier() {}

    /** The identifiers of {@code duplicate} the survivor takes: those whose type and issuer it does not hold. */
    static List<Identifier> movableIdentifiers(Customer survivor, Customer duplicate) {
        List<Identifier> out = new ArrayList<>();
        for (Identifier i : duplicate.identifiers()) {
            boolean held = survivor.identifiers().stream().anyMatch(s -> s.type() == i.type() && s.issuer().equals(i.issuer()));
            if (!held) {
                out.add(i);
            }
        }
        return out;
    }

    static Customer apply(Customer s, Customer d, Survivorship rules) {
        boolean duplicateFirst = ranksFirst(d, s, rules);
        boolean duplicateNewer = d.meta().updatedAt().isAfter(s.meta().updatedAt());
        Chooser c = new Chooser(rules, duplicateFirst, duplicateNewer);
        CustomerName n = new CustomerName(c.text(MergeField.LEGAL_NAME, s.name().legal(), d.name().legal()),
                c.text(MergeField.PREFERRED_NAME, s.name().preferred(), d.name().preferred()),
                c.text(MergeField.LOCAL_NAME, s.name().local(), d.name().local()));
        Profile sp = s.profile();
        Profile dp = d.profile();
        Profile p = new Profile(c.text(MergeField.REGION, sp.region(), dp.region()), c.text(MergeField.CITY, sp.city(), dp.city()),
                c.text(MergeField.OCCUPATION, sp.occupation(), dp.occupation()),
                c.text(MergeField.INDUSTRY, sp.industry(), dp.industry()),
                c.text(MergeField.INCOME_BAND, sp.incomeBand(), dp.incomeBand()),
                c.value(MergeField.RISK_TOLERANCE, sp.riskTolerance(), dp.riskTolerance()),
                c.text(MergeField.KYC_LEVEL, sp.kycLevel(), dp.kycLevel()));
        List<Identifier> ids = new ArrayList<>(s.identifiers());
        ids.addAll(movableIdentifiers(s, d));
        List<ContactPoint> points = new ArrayList<>(s.contactPoints());
        for (ContactPoint cp : d.contactPoints()) {
            boolean same = points.stream().anyMatch(x -> x.type() == cp.type() && Objects.equals(x.value(), cp.value())
                    && Objects.equals(x.address(), cp.address()));
            if (!same) {
                // the duplicate's primary flags would give the survivor two primaries of a kind
                points.add(new ContactPoint(cp.type(), cp.value(), cp.address(), cp.label(), false, cp.consents()));
            }
        }
        Set<String> tags = new LinkedHashSet<>(s.tags());
        tags.addAll(d.tags());
        tags.remove(MergeService.TOMBSTONE_TAG);
        Customer out = s.withName(n).withProfile(p).withIdentifiers(ids).withContactPoints(points).withTags(tags)
                .withBirthDate(c.value(MergeField.BIRTH_DATE, s.birthDate(), d.birthDate()))
                .withOwner(c.value(MergeField.OWNER, s.owner(), d.owner()))
                .withBranch(c.value(MergeField.BRANCH, s.branch(), d.branch()));
        return out.withExtensions(extensions(rules.ruleFor(MergeField.EXTENSIONS), s.extensions(), d.extensions(), c));
    }

    private static Map<String, ExtensionValue> extensions(SurvivorshipRule rule, Map<String, ExtensionValue> s,
            Map<String, ExtensionValue> d, Chooser c) {
        if (rule == SurvivorshipRule.MOST_COMPLETE) {
            Map<String, ExtensionValue> all = new LinkedHashMap<>(d);
            all.putAll(s);
            return all;
        }
        Map<String, ExtensionValue> chosen = c.value(MergeField.EXTENSIONS, s.isEmpty() ? null : s, d.isEmpty() ? null : d);
        return chosen == null ? Map.of() : chosen;
    }

    /** Whether {@code a}'s source comes before {@code b}'s in the priority list. */
    private static boolean ranksFirst(Customer a, Customer b, Survivorship rules) {
        return rank(a, rules.sourcePriority()) < rank(b, rules.sourcePriority());
    }

    private static int rank(Customer c, List<String> priority) {
        int best = Integer.MAX_VALUE;
        for (Identifier i : c.identifiers()) {
            if (i.type() == IdentifierType.EXTERNAL_SYSTEM) {
                int r = priority.indexOf(i.issuer());
                if (r >= 0) {
                    best = Math.min(best, r);
                }
            }
        }
        return best;
    }

    /** One merge's choices. */
    private record Chooser(Survivorship rules, boolean duplicateFirst, boolean duplicateNewer) {
        @Nullable String text(MergeField f, @Nullable String s, @Nullable String d) {
            if (rules.ruleFor(f) == SurvivorshipRule.MOST_COMPLETE && s != null && d != null) {
                return d.length() > s.length() ? d : s;
            }
            return value(f, s, d);
        }

        <T> @Nullable T value(MergeField f, @Nullable T s, @Nullable T d) {
            boolean takeDuplicate = switch (rules.ruleFor(f)) {
                case MOST_RECENT -> duplicateNewer;
                case SOURCE_PRIORITY -> duplicateFirst;
                case DUPLICATE -> true;
                case SURVIVOR, MOST_COMPLETE -> false;
            };
            T first = takeDuplicate ? d : s;
            return first != null ? first : (takeDuplicate ? s : d);
        }
    }
}
