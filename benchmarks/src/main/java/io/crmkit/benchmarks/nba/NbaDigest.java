package io.crmkit.benchmarks.nba;

import io.crmkit.analytics.ProgressListener;
import io.crmkit.analytics.feature.FeatureFrame;
import io.crmkit.analytics.nba.ContactGate;
import io.crmkit.analytics.nba.Drop;
import io.crmkit.analytics.nba.NbaContext;
import io.crmkit.analytics.nba.NbaResult;
import io.crmkit.analytics.nba.Stage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link NbaBenchmark}'s run as one SHA-256 per gate, to compare two builds of the
 * engine on the benchmark data (run it with each jar; the digests must be equal): every row's
 * ranked action ids, the drop counts by stage, the recommended count of every proposition, and
 * every dropped proposition with its stage and reason for every 997th row.
 *
 * <p>{@code java -Xms5g -Xmx5g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar
 * io.crmkit.benchmarks.nba.NbaDigest [customers=10000000] [gates=allowAll,policy]}.
 */
public final class NbaDigest {

    private NbaDigest() {
    }

    public static void main(String[] args) throws NoSuchAlgorithmException {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        FeatureFrame frame = NbaBenchmark.frame(customers, 2026);
        NbaContext context = NbaContext.of(Map.of("P03", 1.5, "P11", 0.0));
        List<String> gates = args.length > 1 ? List.of(args[1].split(",")) : List.of("allowAll", "policy");
        for (String gate : gates) {
            // a fixed clock: the policy gate's deferrals name a time, which is part of the reasons
            NbaResult r = NbaBenchmark.engine(gate.equals("policy") ? NbaBenchmark.policyGate() : ContactGate.allowAll(),
                    Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneOffset.UTC)).run(frame, context,
                    ProgressListener.none());
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            StringBuilder sb = new StringBuilder();
            for (int row = 0; row < r.size(); row++) {
                sb.setLength(0);
                sb.append(row).append(r.actionIds(row));
                if (row % 997 == 0) {
                    for (Drop d : r.dropped(row)) {
                        sb.append(d);
                    }
                }
                md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
            }
            sb.setLength(0);
            for (Stage st : Stage.values()) {   // the map's own order differs between JVMs
                sb.append(st).append('=').append(r.dropCounts().get(st));
            }
            sb.append(r.recommendedCount());
            for (String id : r.propositionIds()) {
                sb.append(id).append('=').append(r.recommendedCount(id));
            }
            md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
            System.out.printf("gate %s: %s; recommended %d; drops %s%n", gate, HexFormat.of().formatHex(md.digest()),
                    r.recommendedCount(), new java.util.TreeMap<>(r.dropCounts()));
        }
    }
}
