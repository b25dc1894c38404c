package io.crmkit.analytics.nba;

import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.internal.Checks;
import io.crmkit.analytics.score.Reason;
import io.crmkit.core.customer.RiskTolerance;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one {@link NextBestAction} run: each customer's ranked actions and, for every
 * proposition a customer did not get, where and why it dropped out. Only the chosen propositions,
 * the contact gate's refusals and the capacity drops are stored; reasons are worked out on request
 * from the frame, so a run over ten million customers creates no per-customer objects.
 *
 * <p>Immutable and thread-safe.
 */
public final class NbaResult {

    private final NbaPlan plan;
    private final byte[] slots;
    private final Map<Long, ContactDecision> contact;
    private final Arbitration.FullAt full;
    private final long[] recommendedByProposition;
    private final long recommended;
    private final Map<Stage, Long> dropCounts;

    NbaResult(NbaPlan plan, byte[] slots, Map<Long, ContactDecision> contact, Arbitration.FullAt full,
              long suitabilityDrops, long contactDrops) {
        this.plan = plan;
        this.slots = slots;
        this.contact = Map.copyOf(contact);
        this.full = full;
        this.recommendedByProposition = new long[plan.p];
        long total = 0;
        for (byte s : slots) {
            if (s >= 0) {
                recommendedByProposition[s]++;
                total++;
            }
        }
        this.recommended = total;
        long eligibility = 0;
        long applicability = 0;
        for (int k = 0; k < plan.p; k++) {
            eligibility += plan.n - plan.eligibleCount[k];
            applicability += plan.eligibleCount[k] - plan.applicableCount[k];
        }
        long reached = (long) plan.n * plan.p - eligibility - applicability - suitabilityDrops - contactDrops;
        Map<Stage, Long> counts = new EnumMap<>(Stage.class);
        counts.put(Stage.ELIGIBILITY, eligibility);
        counts.put(Stage.APPLICABILITY, applicability);
        counts.put(Stage.SUITABILITY, suitabilityDrops);
        counts.put(Stage.CONTACT, contactDrops);
        counts.put(Stage.CAPACITY, reached - total);
        this.dropCounts = Map.copyOf(counts);
    }

    /** Customers (rows of the frame). */
    public int size() {
        return plan.n;
    }

    public FeatureFrame frame() {
        return plan.frame;
    }

    /** Proposition ids in the engine's (id) order. */
    public List<String> propositionIds() {
        return plan.props.stream().map(Proposition::id).toList();
    }

    /** Actions recommended in total. */
    public long recommendedCount() {
        return recommended;
    }

    /** How many customers were recommended the proposition. */
    public long recommendedCount(String propositionId) {
        return recommendedByProposition[index(propositionId)];
    }

    /** Customer × proposition pairs that dropped out at each stage (they add up with the recommended ones to n × p). */
    public Map<Stage, Long> dropCounts() {
        return dropCounts;
    }

    /** The proposition ids recommended to a row, best first (no reasons; cheap). */
    public List<String> actionIds(int row) {
        checkRow(row);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < plan.perCustomer; i++) {
            int k = slots[row * plan.perCustomer + i];
            if (k >= 0) {
                out.add(plan.props.get(k).id());
            }
        }
        return out;
    }

    /** The row's actions, best first, each with its priority worked out and the rules that held. */
    public List<Recommendation> actions(int row) {
        checkRow(row);
        List<Recommendation> out = new ArrayList<>();
        for (int i = 0; i < plan.perCustomer; i++) {
            int k = slots[row * plan.perCustomer + i];
            if (k < 0) {
                break;
            }
            Proposition prop = plan.props.get(k);
            List<Reason> reasons = new ArrayList<>();
            double prop01 = plan.propensity[k] == null ? 1 : Math.max(0, plan.propensity[k][row]);
            reasons.add(new Reason("PRIORITY", String.format(Locale.ROOT,
                    "%s: propensity %.3f x value %s x context %s x lever %s = %s", prop.description().length() > 120
                            ? prop.description().substring(0, 120) : prop.description(),
                    prop01, num(prop.value()), num(plan.context[k]), num(prop.lever()), num(plan.priority(k, row)))));
            for (String t : plan.eligibilityText[k]) {
                reasons.add(new Reason("ELIGIBLE", "Meets " + shorten(t)));
            }
            for (String t : plan.applicabilityText[k]) {
                reasons.add(new Reason("APPLICABLE", "Relevant now: " + shorten(t)));
            }
            if (prop.productRisk() != null) {
                reasons.add(new Reason("SUITABLE", "Product risk " + prop.productRisk() + " within the risk tolerance "
                        + RiskTolerance.values()[plan.riskLevel(row)]));
            }
            out.add(new Recommendation(prop.id(), i + 1, prop.channel(), prop.product(), plan.priority(k, row), reasons));
        }
        return out;
    }

    /** Every proposition the row did not get, in proposition order, with the stage and the reason. */
    public List<Drop> dropped(int row) {
        checkRow(row);
        List<Drop> out = new ArrayList<>();
        for (int k = 0; k < plan.p; k++) {
            if (!isRecommended(row, k)) {
                out.add(drop(row, k));
            }
        }
        return out;
    }

    /** Where the proposition dropped out for the row, or empty when it was recommended. */
    public java.util.Optional<Drop> drop(int row, String propositionId) {
        checkRow(row);
        int k = index(propositionId);
        return isRecommended(row, k) ? java.util.Optional.empty() : java.util.Optional.of(drop(row, k));
    }

    private boolean isRecommended(int row, int k) {
        for (int i = 0; i < plan.perCustomer; i++) {
            if (slots[row * plan.perCustomer + i] == k) {
                return true;
            }
        }
        return false;
    }

    private Drop drop(int row, int k) {
        Proposition prop = plan.props.get(k);
        String id = prop.id();
        for (int i = 0; i < plan.eligibility[k].length; i++) {
            if (!plan.eligibility[k][i].contains(row)) {
                return new Drop(id, Stage.ELIGIBILITY, new Reason("NOT_ELIGIBLE",
                        "Does not meet " + shorten(plan.eligibilityText[k][i])));
            }
        }
        for (int i = 0; i < plan.applicability[k].length; i++) {
            if (!plan.applicability[k][i].contains(row)) {
                return new Drop(id, Stage.APPLICABILITY, new Reason("NOT_APPLICABLE",
                        "Not relevant now: " + shorten(plan.applicabilityText[k][i]) + " does not hold"));
            }
        }
        if (plan.context[k] == 0) {
            return new Drop(id, Stage.APPLICABILITY, new Reason("OFF_IN_CONTEXT",
                    "Switched off for this run (context weight 0)"));
        }
        if (prop.productRisk() != null) {
            int level = plan.riskLevel(row);
            if (level < 0) {
                return new Drop(id, Stage.SUITABILITY, new Reason("RISK_NOT_ASSESSED",
                        "Product risk " + prop.productRisk() + " needs an assessed risk tolerance"));
            }
            if (prop.productRisk().ordinal() > level) {
                return new Drop(id, Stage.SUITABILITY, new Reason("UNSUITABLE", "Product risk " + prop.productRisk()
                        + " is above the customer's risk tolerance " + RiskTolerance.values()[level]));
            }
        }
        ContactDecision d = contact.get(((long) row << 6) | k);
        if (d != null) {
            String text = d.kind() == ContactDecision.Kind.DEFER ? d.text() + " (deferred until " + d.until() + ")"
                    : d.text();
            return new Drop(id, Stage.CONTACT, new Reason(d.code(), shorten(text)));
        }
        return capacityDrop(row, k);
    }

    /**
     * Why a candidate that passed every stage is not in the row's list: the row's candidates are
     * ranked again (rules, suitability and the gate's stored refusals give the same set as the
     * run); a capacity-free candidate, or a capacity-bound one that found the list already full
     * with better-ranked actions, hit the customer limit; otherwise the channel or the branch had
     * been used up by higher priorities before its turn.
     */
    private Drop capacityDrop(int row, int target) {
        Proposition prop = plan.props.get(target);
        long capped = plan.cappedMask(row);
        long ok = plan.suitable[plan.riskLevel(row) + 1];
        int free = 0;
        int acceptedCapped = 0;
        double pr = plan.priority(target, row);
        for (int k = 0; k < plan.p; k++) {
            boolean candidate = (plan.pass[k][row >>> 6] >>> (row & 63) & 1L) != 0 && (ok >>> k & 1L) != 0
                    && !contact.containsKey(((long) row << 6) | k);
            double q = plan.priority(k, row);
            if (!candidate || k == target || !(q > pr || q == pr && k < target)) {
                continue; // only candidates ranked before the target count
            }
            if ((capped >>> k & 1L) == 0) {
                free++;
            } else if (isRecommended(row, k)) {
                acceptedCapped++;
            }
        }
        boolean isCapped = (capped >>> target & 1L) != 0;
        if (!isCapped || free + acceptedCapped >= plan.perCustomer) {
            return new Drop(prop.id(), Stage.CAPACITY, new Reason("CUSTOMER_LIMIT", "The customer's list of "
                    + plan.perCustomer + " actions is full with higher priorities"));
        }
        int ch = plan.channelOf[target];
        if (plan.channelLimit[ch] >= 0 && full.channelFullBefore(ch, pr, row, target)) {
            return new Drop(prop.id(), Stage.CAPACITY, new Reason("CHANNEL_FULL", "Capacity of the channel "
                    + prop.channel() + " (" + plan.channelLimit[ch] + ") already taken by higher priorities"));
        }
        return new Drop(prop.id(), Stage.CAPACITY, new Reason("BRANCH_FULL", "Capacity of the branch "
                + plan.branchLevels.get(plan.branchCodes[row]) + " (" + plan.branchLimit(target, row)
                + ") already taken by higher priorities"));
    }

    private int index(String propositionId) {
        for (int k = 0; k < plan.p; k++) {
            if (plan.props.get(k).id().equals(propositionId)) {
                return k;
            }
        }
        throw Checks.invalid("propositionId", "Unknown", "names no proposition of this run");
    }

    private void checkRow(int row) {
        if (row < 0 || row >= plan.n) {
            throw Checks.invalid("row", "Range", "must be between 0 and " + (plan.n - 1) + " (was " + row + ")");
        }
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.4g", v);
    }

    @Override
    public String toString() {
        return "NbaResult[customers=" + plan.n + ", propositions=" + plan.p + ", recommended=" + recommended
                + ", drops=" + dropCounts + "]";
    }
}
