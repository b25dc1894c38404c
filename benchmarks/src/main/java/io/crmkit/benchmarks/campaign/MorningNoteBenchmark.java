package io.crmkit.benchmarks.campaign;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.common.Meta;
import io.crmkit.core.consent.DoNotContact;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerName;
import io.crmkit.core.customer.CustomerType;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Profile;
import io.crmkit.core.info.ContentItem;
import io.crmkit.core.info.ContentItemId;
import io.crmkit.core.info.ContentKind;
import io.crmkit.core.info.PushChannel;
import io.crmkit.core.info.PushPlan;
import io.crmkit.core.info.PushSchedule;
import io.crmkit.core.info.Subscription;
import io.crmkit.core.info.SubscriptionId;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.org.Actor;
import io.crmkit.core.org.OrgUnitId;
import io.crmkit.core.org.StaffId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * The morning-note push for 1M subscribers, decided (who, on which channel, when in their own zone)
 * with the contact policy applied: {@link #plan} is the whole job as a host runs it,
 * {@code information().plan(note, PushSchedule.morningNote(day))} on the in-memory store — reading
 * every active subscription of the topic (sorted by subscriber), then per chunk of 10,000 subscribers
 * their customer records and data scope, one contact-policy snapshot (consent records,
 * do-not-contact flags and the contact log read in batches of 1,000) and per subscriber the channels
 * in preference order until one is allowed.
 *
 * <p>The book: 1M customers in five zones (Shanghai, Hong Kong, Singapore, London, New York), each
 * with a phone and an e-mail address carrying embedded INFORMATION consents (granted for 90% of
 * phones and 70% of e-mail addresses), 1% with a do-not-contact flag; 1M subscriptions on one
 * channel each (APP 40%, EMAIL 30%, SMS 30%) plus a second channel for 20% (1.2M in all). App
 * pushes need an APP consent record, which no customer has: they fall back to the next channel,
 * so a fifth of the book is asked twice. The note is valid 00:00–12:00 UTC: New York's 08:30 falls
 * outside.
 *
 * <p>Baselines in the same run: {@link #plainLoop} streams the same subscriptions from the store and
 * for each reads the customer and computes 08:30 in the customer's zone (what any push job must do
 * at the least, no policy); {@link #arrayLoop} does the zone arithmetic over a pre-built array.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class MorningNoteBenchmark {
    static final Instant NOW = Instant.parse("2026-11-23T20:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final String TOPIC = "morning-note";
    static final ZoneId[] ZONES = {ZoneId.of("Asia/Shanghai"), ZoneId.of("Asia/Hong_Kong"), ZoneId.of("Asia/Singapore"),
        ZoneId.of("Europe/London"), ZoneId.of("America/New_York")};

    /** The pushes the plan gives for 1M subscribers and this book's seed (2026). */
    static final int PUSHES_1M = 453_626;

    @Param({"1000000"})
    public int subscribers;

    private InMemoryCrmStore store;
    private CrmSession job;
    private ContentItemId note;
    private ZoneId[] zoneOf;
    private PushPlan expected;

    @Setup(Level.Trial)
    public void setUp() {
        store = InMemoryCrmStore.create();
        Meta meta = Meta.created(NOW, "bench");
        SplittableRandom rnd = new SplittableRandom(2026);
        Instant captured = NOW.minus(Duration.ofDays(100));
        zoneOf = new ZoneId[subscribers];
        StaffId[] owners = new StaffId[500];
        OrgUnitId[] branches = new OrgUnitId[50];
        for (int i = 0; i < owners.length; i++) {
            owners[i] = StaffId.of("rm-" + i);
        }
        for (int i = 0; i < branches.length; i++) {
            branches[i] = OrgUnitId.of("br-" + i);
        }
        for (int i = 0; i < subscribers; i++) {
            String digits = eightDigits(i);
            CustomerId id = CustomerId.of("c" + digits);
            ZoneId zone = ZONES[rnd.nextInt(ZONES.length)];
            zoneOf[i] = zone;
            ContactPoint phone = ContactPoint.phone("+86139" + digits, "mobile", rnd.nextDouble() < 0.9
                    ? Consent.granted(ConsentPurpose.INFORMATION, "app", captured)
                    : new Consent(ConsentPurpose.INFORMATION, io.crmkit.core.customer.ConsentStatus.WITHDRAWN, "app", captured));
            ContactPoint email = rnd.nextDouble() < 0.7
                    ? ContactPoint.email("c" + i + "@example.com", "home", Consent.granted(ConsentPurpose.INFORMATION, "web", captured))
                    : ContactPoint.email("c" + i + "@example.com", "home");
            store.customers().save(new Customer(id, CustomerType.INDIVIDUAL, CustomerName.of("Customer " + i), List.of(), null,
                    Profile.EMPTY.withTimeZone(zone), LifecycleStage.ACTIVE, List.of(), owners[i % owners.length],
                    branches[i % branches.length], null, Set.of(), List.of(phone, email), Map.of(), meta));
            if (rnd.nextDouble() < 0.01) {
                store.doNotContact().save(new DoNotContact(id, true, Set.of(), "call-centre", meta));
            }
            PushChannel first = rnd.nextDouble() < 0.4 ? PushChannel.APP : rnd.nextBoolean() ? PushChannel.EMAIL : PushChannel.SMS;
            subscribe(id, first, meta);
            if (rnd.nextDouble() < 0.2) {
                subscribe(id, first == PushChannel.SMS ? PushChannel.EMAIL : PushChannel.SMS, meta);
            }
        }
        ContentItem item = store.contents().save(new ContentItem(ContentItemId.of("note-2026-11-24"), ContentKind.MORNING_NOTE,
                "Morning note", Set.of(TOPIC), Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-24T12:00:00Z"), meta));
        note = item.id();
        Crm crm = Crm.builder().store(store).clock(Clock.fixed(NOW, ZoneOffset.UTC)).zone(ZoneId.of("Asia/Shanghai")).build();
        job = crm.as(Actor.system("morning-push"));
        expected = plan();
        System.out.printf("%nplan: %d pushes, refused %s, deferred %d%n", expected.pushes().size(), expected.refusals(),
                expected.deferred());
        if (subscribers == 1_000_000 && expected.pushes().size() != PUSHES_1M) {
            throw new IllegalStateException("the plan changed: " + expected.pushes().size() + " pushes, expected " + PUSHES_1M);
        }
    }

    /** The first plan of the set-up; every later one must equal it (same pushes, channels, times, refusals). */
    PushPlan expected() {
        return expected;
    }

    /** {@code i} as eight decimal digits with leading zeros ({@code String.format} costs more than the save). */
    static String eightDigits(int i) {
        String d = Integer.toString(i);
        return "00000000".substring(Math.min(8, d.length())) + d;
    }

    private void subscribe(CustomerId id, PushChannel channel, Meta meta) {
        store.subscriptions().save(new Subscription(SubscriptionId.of("s-" + id.value() + "-" + channel.ordinal()), id, TOPIC,
                channel, true, meta));
    }

    /** The whole job: read subscriptions, customers and scope, prepare the policy, decide who, which channel, when. */
    @Benchmark
    public PushPlan plan() {
        return job.information().plan(note, PushSchedule.morningNote(DAY));
    }

    /** Baseline: the same subscriptions streamed from the store, each customer read, 08:30 in its zone; no policy. */
    @Benchmark
    public long plainLoop() {
        long sum = 0;
        PushSchedule schedule = PushSchedule.morningNote(DAY);
        try (Stream<Subscription> subs = store.subscriptions().streamActiveByTopic(TOPIC)) {
            for (Subscription s : (Iterable<Subscription>) subs::iterator) {
                Customer c = store.customers().findById(s.customerId()).orElseThrow();
                sum += schedule.in(c.profile().timeZone()).getEpochSecond();
            }
        }
        return sum;
    }

    /** Baseline: the zone arithmetic alone over an array of 1M zones. */
    @Benchmark
    public long arrayLoop() {
        long sum = 0;
        PushSchedule schedule = PushSchedule.morningNote(DAY);
        for (ZoneId z : zoneOf) {
            sum += schedule.in(z).getEpochSecond();
        }
        return sum;
    }
}
