package io.crmkit.analytics.feature;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerType;
import io.crmkit.core.customer.RiskTolerance;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** Customer-record columns of {@link StoreFeatureReader}. Stateless; thread-safe. */
final class CustomerColumns {

    private CustomerColumns() {
    }

    static void write(FeatureFrame.Builder frame, List<Customer> customers, LocalDate asOf, ZoneId zone,
                      List<String> tierCodes) {
        int n = customers.size();
        int[] age = new int[n];
        int[] tenure = new int[n];
        for (int r = 0; r < n; r++) {
            Customer c = customers.get(r);
            LocalDate born = c.birthDate();
            age[r] = born == null || c.type() != CustomerType.INDIVIDUAL || born.isAfter(asOf)
                    ? -1 : Period.between(born, asOf).getYears();
            LocalDate since = c.meta().createdAt().atZone(zone).toLocalDate();
            tenure[r] = (int) Math.max(0, StoreFeatureReader.days(since, asOf));
        }
        frame.ints(StandardFeatures.AGE, age).ints(StandardFeatures.TENURE_DAYS, tenure)
                .ints(StandardFeatures.DAYS_SINCE_CREATED, tenure.clone());
        category(frame, StandardFeatures.TIER, customers, c -> c.tier() == null ? null : c.tier().value(), tierCodes);
        category(frame, "lifecycle", customers, c -> c.lifecycle().name(), List.of());
        category(frame, StandardFeatures.INCOME_BAND, customers, c -> c.profile().incomeBand(), List.of());
        List<String> risk = new ArrayList<>();
        for (RiskTolerance t : RiskTolerance.values()) {
            risk.add(t.name());
        }
        category(frame, StandardFeatures.RISK_TOLERANCE, customers,
                c -> c.profile().riskTolerance() == null ? null : c.profile().riskTolerance().name(), risk);
        category(frame, StandardFeatures.BRANCH, customers, c -> c.branch() == null ? null : c.branch().value(), List.of());
    }

    /** Writes a category column; known levels keep their order, others follow sorted. */
    private static void category(FeatureFrame.Builder frame, String feature, List<Customer> customers,
                                 Function<Customer, String> value, List<String> knownLevels) {
        List<String> levels = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (String k : knownLevels) {
            String label = label(k);
            if (!index.containsKey(label)) {
                index.put(label, levels.size());
                levels.add(label);
            }
        }
        TreeSet<String> others = new TreeSet<>();
        for (Customer c : customers) {
            String v = value.apply(c);
            if (v != null && !index.containsKey(label(v))) {
                others.add(label(v));
            }
        }
        for (String o : others) {
            index.put(o, levels.size());
            levels.add(o);
        }
        int[] codes = new int[customers.size()];
        for (int r = 0; r < codes.length; r++) {
            String v = value.apply(customers.get(r));
            codes[r] = v == null ? -1 : index.get(label(v));
        }
        frame.categories(feature, codes, levels);
    }

    /** Turns free text into a category label: upper case, [A-Z0-9_], starting with a letter, 40 chars. */
    static String label(String text) {
        StringBuilder sb = new StringBuilder();
        for (char ch : text.toUpperCase(Locale.ROOT).toCharArray()) {
            sb.append(ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' ? ch : '_');
        }
        if (sb.length() == 0 || sb.charAt(0) < 'A' || sb.charAt(0) > 'Z') {
            sb.insert(0, 'L');
        }
        return sb.length() > 40 ? sb.substring(0, 40) : sb.toString();
    }
}
