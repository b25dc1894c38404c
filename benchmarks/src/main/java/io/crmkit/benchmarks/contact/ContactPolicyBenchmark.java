package io.crmkit.benchmarks.contact;

import io.crmkit.core.common.Meta;
import io.crmkit.core.consent.ConsentId;
import io.crmkit.core.consent.ConsentRecord;
import io.crmkit.core.consent.ContactAttempt;
import io.crmkit.core.consent.ContactAttemptId;
import io.crmkit.core.consent.ContactDecision;
import io.crmkit.core.consent.ContactOutcome;
import io.crmkit.core.consent.ContactPointKind;
import io.crmkit.core.consent.ContactPolicy;
import io.crmkit.core.consent.ContactRules;
import io.crmkit.core.consent.DoNotContact;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
 * Contact-policy decisions per customer from a prepared {@link ContactPolicy} snapshot, as a
 * campaign or push deciding for all its subscribers calls it: 1M customers (2^20) in four time
 * zones (two with daylight saving), ~80% with a marketing consent by email and phone, 2% with a
 * do-not-contact flag, 0-3 logged marketing contacts each in the last week; the default rules (2
 * marketing contacts per rolling 7 days, quiet hours 21:00-08:00 on the phone). Each call asks for
 * the next customer in a shuffled order, on a channel and at an instant spread over a week, so the
 * answers mix allow, deny and defer (caps and quiet hours). The ids asked about are the caller's own
 * {@code CustomerId} objects, equal to but not the same as the ones the snapshot was prepared with
 * (as when a campaign's recipient list and the store's reads are different objects), so the id
 * lookup compares the values. Each call is the whole public {@link ContactPolicy#decide} call a
 * campaign makes, argument checks included.
 *
 * <p>Baseline in the same run: {@link #hashMapConsentLookup}, a plain {@code HashMap} lookup of
 * the customer's consent record and its {@code activeAt} check — the least any consent-aware
 * decision must do.
 *
 * <p>Run: {@code java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar ContactPolicyBenchmark -f 1 -wi 2 -i 3};
 * {@link ContactPolicyRatioRun} times both side by side, with CPU time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ContactPolicyBenchmark {
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    private static final ZoneId[] ZONES = {ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"),
        ZoneId.of("Europe/London"), ZoneId.of("Asia/Kolkata")};
    private static final Channel[] CHANNELS = {Channel.EMAIL, Channel.PHONE, Channel.SMS, Channel.APP};

    @Param("1048576")
    public int customers;

    private ContactPolicy policy;
    private Map<CustomerId, ConsentRecord> consentByCustomer;
    private CustomerId[] order;
    private Channel[] channels;
    private Instant[] instants;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Random r = new Random(42);
        ContactPolicy.Builder b = ContactPolicy.builder(ContactRules.ofDefaults(), ZoneId.of("Asia/Shanghai"), NOW);
        consentByCustomer = new HashMap<>(customers * 2);
        CustomerId[] ids = new CustomerId[customers];
        Meta meta = Meta.created(NOW.minus(Duration.ofDays(400)), "bench");
        for (int i = 0; i < customers; i++) {
            CustomerId id = CustomerId.of("c" + i);
            ids[i] = id;
            List<ConsentRecord> consents = new ArrayList<>(2);
            if (r.nextInt(10) < 8) {
                Instant at = NOW.minus(Duration.ofDays(1 + r.nextInt(365)));
                for (ContactPointKind k : new ContactPointKind[] {ContactPointKind.EMAIL, ContactPointKind.PHONE}) {
                    consents.add(new ConsentRecord(ConsentId.of("k" + i + k.ordinal()), id, k, ConsentPurpose.MARKETING,
                            ConsentStatus.GRANTED, "web:signup", at, at, null, false, at, null, null, meta));
                }
                consentByCustomer.put(id, consents.get(0));
            }
            DoNotContact flags = r.nextInt(50) == 0 ? new DoNotContact(id, true, Set.of(), "callcentre:request", meta) : null;
            List<ContactAttempt> log = new ArrayList<>(3);
            for (int k = r.nextInt(4); k > 0; k--) {
                Instant at = NOW.minus(Duration.ofMinutes(r.nextInt(7 * 24 * 60)));
                log.add(new ContactAttempt(ContactAttemptId.of("a" + i + "-" + k), id, CHANNELS[r.nextInt(CHANNELS.length)],
                        ConsentPurpose.MARKETING, null, at, ContactOutcome.CARRIED_OUT, null, null, null, meta));
            }
            b.customer(id, ZONES[r.nextInt(ZONES.length)], List.of(), consents, flags, log);
        }
        policy = b.build();
        order = new CustomerId[customers];
        for (int i = 0; i < customers; i++) {
            order[i] = CustomerId.of(new String(ids[i].value()));
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            CustomerId t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        channels = new Channel[customers];
        instants = new Instant[customers];
        for (int i = 0; i < customers; i++) {
            channels[i] = CHANNELS[r.nextInt(CHANNELS.length)];
            instants[i] = NOW.plus(Duration.ofMinutes(r.nextInt(7 * 24 * 60)));
        }
    }

    /** The number of decisions of each kind over one pass of the order, for the record: allow, deny, defer. */
    public int[] mix() {
        int[] counts = new int[3];
        for (int i = 0; i < customers; i++) {
            ContactDecision d = policy.decide(order[i], channels[i], ConsentPurpose.MARKETING, null, instants[i]);
            counts[d instanceof ContactDecision.Allow ? 0 : d instanceof ContactDecision.Deny ? 1 : 2]++;
        }
        return counts;
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == customers ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public ContactDecision decide() {
        int i = nextIndex();
        return policy.decide(order[i], channels[i], ConsentPurpose.MARKETING, null, instants[i]);
    }

    @Benchmark
    public boolean hashMapConsentLookup() {
        int i = nextIndex();
        ConsentRecord c = consentByCustomer.get(order[i]);
        return c != null && c.activeAt(instants[i]);
    }
}
