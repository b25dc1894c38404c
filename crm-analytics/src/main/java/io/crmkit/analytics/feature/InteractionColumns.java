package io.crmkit.analytics.feature;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Channel;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Outcome;
import io.crmkit.core.spi.CrmStore;
import io.crmkit.core.spi.InteractionRepository.Fact;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Interaction columns of {@link StoreFeatureReader}: one pass over the horizon in time order, through
 * the SPI's projection ({@code streamFacts}: customer, time, channel, direction, outcome), so a store
 * that can read less than whole interactions does.
 */
final class InteractionColumns {

    private InteractionColumns() {
    }

    static void read(CrmStore store, Map<CustomerId, Integer> rowOf, LocalDate asOf, ZoneId zone, int windowDays,
                     int horizonDays, FeatureFrame.Builder frame, ProgressListener progress) {
        int n = rowOf.size();
        int[] interactions = new int[n];
        int[] inboundInWindow = new int[n];
        int[] digital = new int[n];
        int[] recency = filled(n, horizonDays);
        int[] sinceContact = filled(n, horizonDays);
        int[] sinceLogin = filled(n, horizonDays);
        int[] complaints = new int[n];
        Instant from = asOf.minusDays(horizonDays).atStartOfDay(zone).toInstant();
        Instant to = asOf.plusDays(1).atStartOfDay(zone).toInstant();
        long asOfDay = asOf.toEpochDay();
        long windowStartDay = asOf.minusDays(windowDays).toEpochDay();
        java.time.zone.ZoneRules rules = zone.getRules();
        boolean fixed = rules.isFixedOffset();
        int fixedOffset = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
        long[] seen = {0};
        try (Stream<Fact> s = store.interactions().streamFacts(from, to)) {
            s.forEach(i -> {
                if ((++seen[0] & 0xFFFFF) == 0) {
                    progress.onProgress("interactions", seen[0], seen[0] + 1); // the total is not known ahead
                }
                Integer row = rowOf.get(i.customerId());
                if (row == null) {
                    return;
                }
                // The local day without building a ZonedDateTime per interaction (ten million a night).
                Instant at = i.occurredAt();
                int offset = fixed ? fixedOffset : rules.getOffset(at).getTotalSeconds();
                long day = Math.floorDiv(at.getEpochSecond() + offset, 86_400L);
                int ago = (int) Math.max(0, asOfDay - day);
                boolean inWindow = day >= windowStartDay;
                if (inWindow) {
                    interactions[row]++;
                    digital[row] += StoreFeatureReader.isDigital(i.channel()) ? 1 : 0;
                    inboundInWindow[row] += i.direction() == Direction.INBOUND ? 1 : 0;
                }
                // The stream is in time order, so the last one seen is the newest.
                if (i.direction() == Direction.INBOUND) {
                    recency[row] = Math.min(recency[row], ago);
                    if (i.channel() == Channel.WEB || i.channel() == Channel.APP) {
                        sinceLogin[row] = Math.min(sinceLogin[row], ago);
                    }
                } else {
                    sinceContact[row] = Math.min(sinceContact[row], ago);
                }
                if (i.outcome() == Outcome.COMPLAINT) {
                    complaints[row]++;
                } else if (i.outcome() == Outcome.RESOLVED) {
                    complaints[row] = 0;
                }
            });
        }
        double[] digitalShare = new double[n];
        for (int r = 0; r < n; r++) {
            digitalShare[r] = interactions[r] == 0 ? 0 : (double) digital[r] / interactions[r];
        }
        frame.ints(StandardFeatures.INTERACTIONS, interactions)
                .ints(StandardFeatures.FREQUENCY, inboundInWindow)
                .ints(StandardFeatures.RECENCY_DAYS, recency)
                .ints(StandardFeatures.DAYS_SINCE_CONTACT, sinceContact)
                .ints(StandardFeatures.DAYS_SINCE_LOGIN, sinceLogin)
                .doubles(StandardFeatures.DIGITAL_SHARE, digitalShare)
                .ints(StandardFeatures.OPEN_COMPLAINTS, complaints);
        progress.onProgress("interactions", seen[0], seen[0]);
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
