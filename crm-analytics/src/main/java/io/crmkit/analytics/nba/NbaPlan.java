package io.crmkit.analytics.nba;

import io.crmkit.analytics.feature.ColumnType;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.internal.Checks;
import io.crmkit.analytics.internal.Parallel;
import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.segment.Condition;
import io.crmkit.analytics.segment.Membership;
import io.crmkit.analytics.segment.Segment;
import io.crmkit.core.customer.RiskTolerance;
import io.crmkit.core.interaction.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One run's propositions resolved against a frame: rule memberships, pass bitmaps, propensity
 * columns, weights, the risk level of every row's category code and the capacity tables. Built
 * once per run; read-only afterwards, so the worker threads share it. Not part of the API.
 */
final class NbaPlan {

    final NextBestAction engine;
    final FeatureFrame frame;
    final List<Proposition> props;
    final int p;
    final int n;
    final Instant at;
    /** Per proposition: the conjuncts of eligibility and of applicability. */
    final Membership[][] eligibility;
    final Membership[][] applicability;
    final String[][] eligibilityText;
    final String[][] applicabilityText;
    /** Per proposition: rows passing both, one bit per row; all zero when switched off. */
    final long[][] pass;
    final long[] eligibleCount;
    final long[] applicableCount;
    final double[][] propensity;
    final double[] context;
    final double[] weight;
    /** Risk level (RiskTolerance ordinal) per category code of the risk feature; null without the feature. */
    final int[] riskCodes;
    final int[] levelOfCode;
    /** suitable[level + 1]: propositions suitable at that tolerance; [0] for an unknown tolerance. */
    final long[] suitable;
    final int[] channelOf;
    final int[] channelLimit;
    final boolean[] branchChannel;
    final int[] branchCodes;
    final int[] branchLimitOfCode;
    final List<String> branchLevels;
    final int perCustomer;
    /** Propositions on a channel with a limit, and on a branch channel. */
    final long channelCappedMask;
    final long branchChannelMask;

    private NbaPlan(NextBestAction engine, FeatureFrame frame, NbaContext ctx) {
        this.engine = engine;
        this.frame = frame;
        this.props = engine.propositions();
        this.p = props.size();
        this.n = frame.size();
        this.at = engine.clock().instant();
        this.eligibility = new Membership[p][];
        this.applicability = new Membership[p][];
        this.eligibilityText = new String[p][];
        this.applicabilityText = new String[p][];
        this.pass = new long[p][];
        this.eligibleCount = new long[p];
        this.applicableCount = new long[p];
        this.propensity = new double[p][];
        this.context = new double[p];
        this.weight = new double[p];
        this.channelOf = new int[p];
        this.branchChannel = new boolean[p];
        Capacity cap = engine.capacity();
        this.perCustomer = cap.perCustomer();
        boolean needsRisk = false;
        for (int k = 0; k < p; k++) {
            Proposition prop = props.get(k);
            context[k] = ctx.weight(prop.id());
            weight[k] = prop.value() * context[k] * prop.lever();
            needsRisk |= prop.productRisk() != null;
            channelOf[k] = prop.channel().ordinal();
            branchChannel[k] = cap.branchChannels().contains(prop.channel());
            if (prop.propensityFeature() != null) {
                if (!frame.has(prop.propensityFeature())
                        || frame.type(prop.propensityFeature()) == ColumnType.CATEGORY) {
                    throw Checks.invalid("proposition " + prop.id() + " propensity", "Feature",
                            "feature '" + prop.propensityFeature() + "' must be a numeric feature of the frame");
                }
                propensity[k] = frame.numeric(prop.propensityFeature());
            }
            eligibilityText[k] = texts(prop.eligibility());
            applicabilityText[k] = texts(prop.applicability());
        }
        resolveRules(engine.parallelism());
        if (frame.has(engine.riskFeature())) {
            requireCategory(engine.riskFeature(), "nba.riskFeature");
            riskCodes = frame.categoryCodes(engine.riskFeature());
            List<String> levels = frame.categoryLevels(engine.riskFeature());
            levelOfCode = new int[levels.size()];
            for (int c = 0; c < levels.size(); c++) {
                levelOfCode[c] = riskLevel(levels.get(c), engine.riskFeature());
            }
        } else if (needsRisk) {
            throw Checks.invalid("feature '" + engine.riskFeature() + "'", "Required",
                    "is needed for propositions with a product risk level (the customers' risk tolerance)");
        } else {
            riskCodes = null;
            levelOfCode = new int[0];
        }
        this.suitable = new long[RiskTolerance.values().length + 1];
        for (int level = -1; level < RiskTolerance.values().length; level++) {
            long mask = 0;
            for (int k = 0; k < p; k++) {
                RiskTolerance risk = props.get(k).productRisk();
                if (risk == null || level >= 0 && risk.ordinal() <= level) {
                    mask |= 1L << k;
                }
            }
            suitable[level + 1] = mask;
        }
        this.channelLimit = new int[Channel.values().length];
        java.util.Arrays.fill(channelLimit, -1);
        cap.channelLimits().forEach((c, limit) -> channelLimit[c.ordinal()] = limit);
        long cm = 0;
        long bm = 0;
        for (int k = 0; k < p; k++) {
            cm |= channelLimit[channelOf[k]] >= 0 ? 1L << k : 0;
            bm |= branchChannel[k] ? 1L << k : 0;
        }
        this.channelCappedMask = cm;
        this.branchChannelMask = bm;
        if ((long) n * perCustomer > Integer.MAX_VALUE - 16) {
            throw Checks.invalid("frame", "Size", "rows x perCustomer must stay below 2^31");
        }
        if (cap.limitsBranches()) {
            requireCategory(cap.branchFeature(), "capacity.branchFeature");
            branchCodes = frame.categoryCodes(cap.branchFeature());
            branchLevels = frame.categoryLevels(cap.branchFeature());
            branchLimitOfCode = new int[branchLevels.size()];
            for (int c = 0; c < branchLevels.size(); c++) {
                branchLimitOfCode[c] = cap.branchLimits().getOrDefault(branchLevels.get(c), cap.branchDefault());
            }
        } else {
            branchCodes = null;
            branchLevels = List.of();
            branchLimitOfCode = new int[0];
        }
    }

    static NbaPlan of(NextBestAction engine, FeatureFrame frame, NbaContext context) {
        return new NbaPlan(engine, frame, context);
    }

    /**
     * Evaluates every distinct rule part over the frame (parts spread over the workers), then ANDs
     * each proposition's conjuncts (propositions spread over the workers).
     */
    private void resolveRules(int parallelism) {
        // Propositions often share rule parts ("holds_wm = 0"): evaluate each distinct text once.
        java.util.Map<String, Integer> index = new java.util.LinkedHashMap<>();
        List<Condition> distinct = new ArrayList<>();
        int[][] eligibilityParts = new int[p][];
        int[][] applicabilityParts = new int[p][];
        for (int k = 0; k < p; k++) {
            eligibilityParts[k] = parts(props.get(k).eligibility(), index, distinct);
            applicabilityParts[k] = parts(props.get(k).applicability(), index, distinct);
        }
        Membership[] evaluated = new Membership[distinct.size()];
        RuntimeException[] failed = new RuntimeException[distinct.size()];
        Parallel.forEachChunk(distinct.size(), 1, parallelism, "nba-rules", ProgressListener.none(), (q, from, to) -> {
            try {
                evaluated[q] = Segment.of("nba_rule", distinct.get(q)).members(frame);
            } catch (RuntimeException e) {
                failed[q] = e;
            }
        });
        for (RuntimeException e : failed) {
            if (e != null) {
                throw e; // the first bad part in proposition order, whatever the threads did
            }
        }
        for (int k = 0; k < p; k++) {
            eligibility[k] = members(eligibilityParts[k], evaluated);
            applicability[k] = members(applicabilityParts[k], evaluated);
        }
        int words = (n + 63) >>> 6;
        Parallel.forEachChunk(p, 1, parallelism, "nba-rules", ProgressListener.none(), (k, from, to) -> {
            long[] bits = new long[words];
            java.util.Arrays.fill(bits, -1L);
            if (words > 0 && (n & 63) != 0) {
                bits[words - 1] = (1L << (n & 63)) - 1;
            }
            and(bits, eligibility[k]);
            eligibleCount[k] = count(bits);
            and(bits, applicability[k]);
            if (context[k] == 0) {
                java.util.Arrays.fill(bits, 0L);
            }
            applicableCount[k] = count(bits);
            pass[k] = bits;
        });
    }

    /** The numbers of a condition's conjuncts among the distinct parts, adding the new ones. */
    private static int[] parts(Condition c, java.util.Map<String, Integer> index, List<Condition> distinct) {
        List<Condition> conj = conjuncts(c);
        int[] out = new int[conj.size()];
        for (int i = 0; i < out.length; i++) {
            Condition part = conj.get(i);
            out[i] = index.computeIfAbsent(part.toText(), t -> {
                distinct.add(part);
                return distinct.size() - 1;
            });
        }
        return out;
    }

    private static Membership[] members(int[] parts, Membership[] evaluated) {
        Membership[] out = new Membership[parts.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = evaluated[parts[i]];
        }
        return out;
    }

    private static void and(long[] bits, Membership[] parts) {
        for (Membership m : parts) {
            m.andInto(bits);
        }
    }

    private static long count(long[] bits) {
        long c = 0;
        for (long w : bits) {
            c += Long.bitCount(w);
        }
        return c;
    }

    /** The top-level conjuncts of a condition (none for null), so a drop can name the part that failed. */
    static List<Condition> conjuncts(Condition c) {
        List<Condition> out = new ArrayList<>();
        if (c != null) {
            collect(c, out, 0);
        }
        return out;
    }

    private static void collect(Condition c, List<Condition> out, int depth) {
        if (c instanceof Condition.And and && depth < 64) {
            collect(and.left(), out, depth + 1);
            collect(and.right(), out, depth + 1);
        } else {
            out.add(c);
        }
    }

    private static String[] texts(Condition c) {
        return conjuncts(c).stream().map(Condition::toText).toArray(String[]::new);
    }

    private void requireCategory(String feature, String field) {
        if (!frame.has(feature) || frame.type(feature) != ColumnType.CATEGORY) {
            throw Checks.invalid(field, "Feature", "feature '" + feature + "' must be a category feature of the frame");
        }
    }

    private static int riskLevel(String label, String feature) {
        for (RiskTolerance t : RiskTolerance.values()) {
            if (t.name().equals(label)) {
                return t.ordinal();
            }
        }
        throw Checks.invalid("feature '" + feature + "'", "RiskTolerance",
                "levels must be risk tolerances " + java.util.Arrays.toString(RiskTolerance.values()));
    }

    /** The risk level of a row, -1 when unknown. */
    int riskLevel(int row) {
        if (riskCodes == null) {
            return -1;
        }
        int code = riskCodes[row];
        return code < 0 ? -1 : levelOfCode[code];
    }

    /** The propositions that need capacity for the row: a limited channel, or a branch channel of a limited branch. */
    long cappedMask(int row) {
        return channelCappedMask | (branchCodes != null && branchCodes[row] >= 0
                && branchLimitOfCode[branchCodes[row]] >= 0 ? branchChannelMask : 0);
    }

    /** The branch limit that applies to proposition k for the row, or -1 for none. */
    int branchLimit(int k, int row) {
        if (branchCodes == null || !branchChannel[k]) {
            return -1;
        }
        int code = branchCodes[row];
        return code < 0 ? -1 : branchLimitOfCode[code];
    }

    double priority(int k, int row) {
        double prop = propensity[k] == null ? 1 : Math.max(0, propensity[k][row]);
        return prop * weight[k];
    }
}
