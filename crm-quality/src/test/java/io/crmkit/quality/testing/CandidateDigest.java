package io.crmkit.quality.testing;

import io.crmkit.quality.dedup.CandidatePair;
import io.crmkit.quality.dedup.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 of candidate pairs in order: keys, the score's exact bits, the decision and each
 * reason. Two runs with the same digest found exactly the same pairs; used by the tests and by
 * {@code DedupRun} to compare implementations.
 */
public final class CandidateDigest {
    private CandidateDigest() {}

    public static String of(List<CandidatePair> pairs) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
        StringBuilder sb = new StringBuilder();
        for (CandidatePair p : pairs) {
            sb.setLength(0);
            sb.append(p.left()).append(',').append(p.right()).append(',').append(Double.doubleToLongBits(p.score())).append(',')
                    .append(p.decision());
            for (Reason x : p.reasons()) {
                sb.append(',').append(x.field()).append(':').append(x.level()).append(':').append(Double.doubleToLongBits(x.weight()));
            }
            md.update(sb.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
