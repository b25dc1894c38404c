package io.crmkit.benchmarks.nba;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.nba.Capacity;
import io.crmkit.analytics.nba.ContactDecision;
import io.crmkit.analytics.nba.ContactGate;
import io.crmkit.analytics.nba.NbaContext;
import io.crmkit.analytics.nba.NbaResult;
import io.crmkit.analytics.nba.NextBestAction;
import io.crmkit.analytics.nba.Proposition;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.RiskTolerance;
import io.crmkit.core.interaction.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Next best action over 10M customers × 20 propositions: each proposition with one or two rules,
 * a propensity column (ten columns, each shared by two propositions), five with a product risk
 * level; capacity on PHONE and MEETING per channel and per branch (200 branches), three actions
 * per customer. {@code gate=allowAll} is the default gate (skipped); {@code gate=policy} a lambda
 * gate that denies e-mail to one customer in 20 and defers calls for one in 50, called for every
 * candidate.
 *
 * <p>Baseline in the same run: {@link #plainLoop}, one thread reading the ten propensity columns
 * once and writing, per customer, the index of the best of the twenty weighted propensities.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class NbaBenchmark {

    static final int PROPOSITIONS = 20;
    static final int PROPENSITIES = 10;
    static final Channel[] CHANNELS = {Channel.APP, Channel.EMAIL, Channel.PHONE, Channel.APP, Channel.SMS,
        Channel.MEETING, Channel.APP, Channel.EMAIL, Channel.PHONE, Channel.WEB};

    @Param({"10000000"})
    public int customers;

    @Param({"allowAll", "policy"})
    public String gate;

    private FeatureFrame frame;
    private NextBestAction engine;
    private NbaContext context;
    private double[][] propensity;
    private double[] weights;
    private byte[] best;

    @Setup(Level.Trial)
    public void setUp() {
        frame = frame(customers, 2026);
        engine = engine(gate.equals("policy") ? policyGate() : ContactGate.allowAll());
        context = NbaContext.of(Map.of("P03", 1.5, "P11", 0.0));
        propensity = new double[PROPENSITIES][];
        for (int c = 0; c < PROPENSITIES; c++) {
            propensity[c] = frame.doubles("p" + c);
        }
        weights = new double[PROPOSITIONS];
        for (int k = 0; k < PROPOSITIONS; k++) {
            weights[k] = 10 + 7 * (k % 5);
        }
        best = new byte[customers];
    }

    static FeatureFrame frame(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] equity = new double[n];
        int[] trades = new int[n];
        double[] aum = new double[n];
        double[] idle = new double[n];
        int[] holdsWm = new int[n];
        int[] age = new int[n];
        int[] risk = new int[n];
        int[] branch = new int[n];
        double[][] p = new double[PROPENSITIES][n];
        for (int r = 0; r < n; r++) {
            equity[r] = rnd.nextDouble();
            trades[r] = rnd.nextInt(80);
            aum[r] = Math.exp(10 + 2 * rnd.nextDouble() * 2);
            idle[r] = rnd.nextDouble() * aum[r] * 0.3;
            holdsWm[r] = rnd.nextInt(4) == 0 ? 1 : 0;
            age[r] = 18 + rnd.nextInt(70);
            risk[r] = rnd.nextInt(12) - 1 < 5 ? rnd.nextInt(5) : -1;
            branch[r] = rnd.nextInt(200);
            for (int c = 0; c < PROPENSITIES; c++) {
                p[c][r] = rnd.nextDouble();
            }
        }
        List<String> branches = new ArrayList<>();
        for (int b = 0; b < 200; b++) {
            branches.add(String.format("BR%03d", b));
        }
        FeatureFrame.Builder fb = FeatureFrame.builder(n).doubles("equity_share", equity).ints("frequency", trades)
                .doubles("aum", aum).doubles("idle_cash", idle).ints("holds_wm", holdsWm).ints("age", age)
                .categories("risk_tolerance", risk, List.of("CONSERVATIVE", "CAUTIOUS", "BALANCED", "GROWTH", "AGGRESSIVE"))
                .categories("branch", branch, branches);
        for (int c = 0; c < PROPENSITIES; c++) {
            fb.doubles("p" + c, p[c]);
        }
        return fb.build();
    }

    static NextBestAction engine(ContactGate gate) {
        return engine(gate, java.time.Clock.systemUTC());
    }

    /** The engine on a given clock (the policy gate's deferrals name a time from it). */
    static NextBestAction engine(ContactGate gate, java.time.Clock clock) {
        String[] rules = {"frequency >= 10", "equity_share >= 0.5", "aum >= 100000", "idle_cash >= 20000",
            "age between 25 and 60", "equity_share >= 0.7 and frequency >= 20", "aum >= 500000 and age >= 30"};
        NextBestAction.Builder b = NextBestAction.custom().contactGate(gate).clock(clock)
                .capacity(Capacity.custom().channel(Channel.PHONE, 200_000).channel(Channel.MEETING, 50_000)
                        .branchChannels(Channel.PHONE, Channel.MEETING).branchDefault(2_000).perCustomer(3).build());
        for (int k = 0; k < PROPOSITIONS; k++) {
            Proposition.Builder p = Proposition.builder(String.format("P%02d", k))
                    .channel(CHANNELS[k % CHANNELS.length]).purpose(ConsentPurpose.MARKETING)
                    .value(10 + 7 * (k % 5)).propensity("p" + (k % PROPENSITIES)).eligibility(rules[k % rules.length]);
            if (k % 3 == 0) {
                p.applicability("holds_wm = 0");
            }
            if (k % 4 == 1) {
                p.product("PR" + k, RiskTolerance.values()[k % 5]);
            }
            b.proposition(p.build());
        }
        return b.build();
    }

    static ContactGate policyGate() {
        return (f, row, channel, purpose, at) -> {
            if (channel == Channel.EMAIL && row % 20 == 0) {
                return ContactDecision.deny("NO_EMAIL_CONSENT", "No consent to e-mail");
            }
            if (channel == Channel.PHONE && row % 50 == 0) {
                return ContactDecision.defer(at.plusSeconds(86_400), "WEEKLY_CAP", "Called this week already");
            }
            return ContactDecision.allow();
        };
    }

    @Benchmark
    public NbaResult nba() {
        return engine.run(frame, context, ProgressListener.none());
    }

    /** One thread: every customer's best weighted propensity of twenty, from the ten columns. */
    @Benchmark
    public byte[] plainLoop() {
        double[][] p = propensity;
        double[] w = weights;
        byte[] out = best;
        for (int r = 0; r < out.length; r++) {
            double top = -1;
            int arg = 0;
            for (int k = 0; k < PROPOSITIONS; k++) {
                double v = p[k % PROPENSITIES][r] * w[k];
                if (v > top) {
                    top = v;
                    arg = k;
                }
            }
            out[r] = (byte) arg;
        }
        return out;
    }
}
