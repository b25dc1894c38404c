package io.crmkit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.feature.StandardFeatures;
import io.crmkit.analytics.feature.StoreFeatureReader;
import io.crmkit.analytics.job.NightlyJob;
import io.crmkit.analytics.job.NightlyResult;
import io.crmkit.analytics.tier.CoreTierSync;
import io.crmkit.analytics.tier.TierEngine;
import io.crmkit.analytics.tier.TierEngineConfig;
import io.crmkit.analytics.tier.TierRun;
import io.crmkit.core.Crm;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.org.Actor;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.quality.export.FormulaGuard;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm-cli nightly --h2 FILE}: the night over the store, for the actor (scoped to its
 * {@code ANALYTICS_READ} grant): the feature frame read in bulk, RFM, value score, churn
 * scorecard and percentile tiers with the library's defaults, and every tier change written back
 * through the tier service (audited as the actor; {@code --dry-run} writes nothing). Features the
 * store does not hold (contribution, monetary, trading change) come from {@code --host-features}
 * ({@code id,<feature>...}); a default feature missing there is zero for everyone and named in
 * the output. Prints a JSON summary; {@code --out FILE} writes one CSV row per customer.
 *
 * <p>The hysteresis counter (downgrade after three periods below) is kept by a host between runs;
 * the command starts it at zero, so a tier falls only when the run's rule says so at once.
 */
@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = "Score and tier every customer in the store the actor may analyse, and write the tier changes.")
public final class NightlyCommand implements Callable<Integer> {
    static final List<String> HOST_DEFAULTS = List.of(StandardFeatures.CONTRIBUTION, StandardFeatures.MONETARY,
            StandardFeatures.TRADES_CHANGE_PCT);

    @Spec CommandSpec spec;
    @Mixin StoreOptions store;
    @Mixin ActorOption actor;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "the business date of the night (default: today)")
    @Nullable String asOf;

    @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE", description = "the business time zone (default ${DEFAULT-VALUE})")
    String zone;

    @Option(names = "--host-features", paramLabel = "FILE.csv", description = "id,<feature>... from the host's own systems")
    @Nullable Path hostFeatures;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "write id,tier,value_score,churn_points,churn_band per customer")
    @Nullable Path out;

    @Option(names = "--dry-run", description = "compute everything, write no tier change")
    boolean dryRun;

    @Override
    public Integer call() {
        ZoneId businessZone;
        try {
            businessZone = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw ValidationException.of("--zone", "TimeZone", "is not a time-zone id such as Asia/Shanghai or UTC");
        }
        Clock clock = clock(asOf, businessZone);
        NumericTable host = hostFeatures == null ? null : NumericTable.read(hostFeatures, "--host-features");
        if (host != null && host.ids() == null) {
            throw ValidationException.of("--host-features", "Column", "the file needs an id column (the customer id)");
        }
        try (JpaCrmStore st = store.open()) {
            Crm crm = Crm.builder().store(st).clock(clock).build();
            Night night = run(crm, actor.actor(), clock, host, !dryRun);
            if (out != null) {
                writeRows(night, out);
            }
            spec.commandLine().getOut().print(Json.of(g -> summary(g, night, LocalDate.now(clock))));
        }
        return CrmCli.OK;
    }

    /** What one night produced: the frame, the results, the changes written and the host features that were missing. */
    record Night(FeatureFrame frame, NightlyResult result, int written, List<String> missingHostFeatures) {
    }

    /**
     * The night over {@code crm}'s store for {@code actor}; any store (the command opens a JPA one).
     *
     * @param host  host features by customer id, or null
     * @param write whether to write the tier changes
     */
    static Night run(Crm crm, Actor actor, Clock clock, @Nullable NumericTable host, boolean write) {
        StoreFeatureReader.Builder reader = StoreFeatureReader.custom().clock(clock);
        List<String> missing = new ArrayList<>();
        Map<String, Integer> hostRow = new HashMap<>();
        if (host != null) {
            String[] ids = host.ids();
            for (int r = 0; r < ids.length; r++) {
                if (hostRow.putIfAbsent(ids[r], r) != null) {
                    throw ValidationException.of("--host-features", "Distinct", "line " + (r + 2) + " repeats an id");
                }
            }
            for (String name : host.columns()) {
                double[] values = host.column(name, "--host-features");
                reader.hostFeature(name, c -> {
                    Integer r = hostRow.get(c.id().value());
                    return r == null ? 0 : values[r];
                });
            }
        }
        for (String name : HOST_DEFAULTS) {
            if (host == null || !host.has(name)) {
                missing.add(name);
                reader.hostFeature(name, c -> 0);
            }
        }
        FeatureFrame frame = reader.build().read(crm, actor, ProgressListener.none());
        CoreTierSync sync = CoreTierSync.of(crm.as(actor), crm.store());
        NightlyJob job = NightlyJob.custom().tiers(TierEngine.of(NightlyJob.ofDefaults().tierEngine().policy(),
                TierEngineConfig.custom().clock(clock).build())).build();
        NightlyResult result = job.run(frame, sync.previousState(frame, sync.ladder(), key -> 0),
                sync.overrides(frame, clock.instant()), ProgressListener.none());
        int written = write ? sync.write(result.tiers(), frame) : 0;
        return new Night(frame, result, written, List.copyOf(missing));
    }

    private static Clock clock(@Nullable String asOf, ZoneId zone) {
        if (asOf == null) {
            return Clock.system(zone);
        }
        try {
            LocalDate date = LocalDate.parse(asOf.strip());
            return Clock.fixed(date.atTime(23, 0).atZone(zone).toInstant(), zone);
        } catch (DateTimeParseException e) {
            throw ValidationException.of("--as-of", "Date", "must be a date as YYYY-MM-DD");
        }
    }

    private static void summary(JsonGenerator g, Night night, LocalDate asOf) throws IOException {
        TierRun tiers = night.result().tiers();
        g.writeStartObject();
        g.writeStringField("asOf", asOf.toString());
        g.writeNumberField("customers", night.frame().size());
        g.writeObjectFieldStart("tiers");
        for (Map.Entry<String, Integer> e : tiers.countByTier().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("tierChanges", tiers.changeCount());
        g.writeNumberField("tierChangesWritten", night.written());
        g.writeObjectFieldStart("churnBands");
        for (String band : List.of("LOW", "MEDIUM", "HIGH")) {
            int n = 0;
            for (int r = 0; r < night.frame().size(); r++) {
                n += night.result().churn().label(r).equals(band) ? 1 : 0;
            }
            g.writeNumberField(band, n);
        }
        g.writeEndObject();
        g.writeArrayFieldStart("hostFeaturesMissing");
        for (String name : night.missingHostFeatures()) {
            g.writeString(name);
        }
        g.writeEndArray();
        g.writeNumberField("milliseconds", night.result().elapsed().toMillis());
        g.writeEndObject();
    }

    private static void writeRows(Night night, Path file) {
        FeatureFrame frame = night.frame();
        NightlyResult r = night.result();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,tier,value_score,churn_points,churn_band\n");
            for (int row = 0; row < frame.size(); row++) {
                w.write(FormulaGuard.neutralise(frame.customerKey(row)) + "," + r.tiers().tier(row) + ","
                        + String.format(Locale.ROOT, "%.2f", r.value().score(row)) + "," + r.churn().points(row) + ","
                        + r.churn().label(row) + "\n");
            }
        } catch (IOException e) {
            throw new StoreException("the file given by --out cannot be written", false);
        }
    }
}
