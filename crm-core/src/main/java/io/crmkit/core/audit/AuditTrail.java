package io.crmkit.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The hash chain of the audit trail: how an entry's hash is computed, and the check that the
 * stored entries are exactly the ones the library wrote. With a key the hash is an HMAC-SHA-256,
 * so someone who can write the database but does not hold the key cannot forge a consistent
 * chain; without one it is a plain SHA-256, which still catches edits made without recomputing.
 *
 * <p>Immutable and thread-safe.
 */
public final class AuditTrail {
    private final byte @Nullable [] key;

    private AuditTrail(byte @Nullable [] key) {
        this.key = key == null ? null : key.clone();
    }

    /** Plain SHA-256 chaining. */
    public static AuditTrail unkeyed() {
        return new AuditTrail(null);
    }

    /** HMAC-SHA-256 chaining with {@code key} (at least 16 bytes; keep it outside the database). */
    public static AuditTrail keyed(byte[] key) {
        io.crmkit.core.check.Check.notNull(key, "auditKey");
        io.crmkit.core.check.Check.that(key.length >= 16, "auditKey", "Size", "must be at least 16 bytes");
        return new AuditTrail(key);
    }

    /** The hash of {@code e} with every field but {@code hash} itself, chained to {@code e.prevHash()}. */
    public String hash(AuditEntry e) {
        // sized for the usual entry (a sealed change adds two 64-digit commitments), so it is not regrown
        StringBuilder sb = new StringBuilder(512 + 192 * e.changes().size());
        field(sb, e.prevHash());
        field(sb, e.id());
        field(sb, e.streamType());
        field(sb, e.streamId());
        field(sb, Long.toString(e.seq()));
        field(sb, e.customerId() == null ? null : e.customerId().value());
        field(sb, e.at().getEpochSecond() + "." + e.at().getNano());
        field(sb, e.actorId());
        field(sb, e.onBehalfOf());
        field(sb, e.operation());
        field(sb, e.action());
        if (e.isSealed()) {
            field(sb, "sealed");
            field(sb, e.reasonCommitment() != null ? e.reasonCommitment() : commit(e.salt(), "reason", e.reason()));
        } else {
            field(sb, e.reason());
        }
        field(sb, e.correlationId());
        field(sb, e.maker());
        field(sb, e.checker());
        for (FieldChange c : e.changes()) {
            field(sb, c.path());
            if (c.isRedacted()) {
                field(sb, "sealed");
                field(sb, c.oldCommitment());
                field(sb, c.newCommitment());
            } else if (c.salt() != null) {
                field(sb, "sealed");
                field(sb, commit(c.salt(), "old", c.oldValue()));
                field(sb, commit(c.salt(), "new", c.newValue()));
            } else {
                field(sb, c.oldValue());
                field(sb, c.newValue());
            }
        }
        byte[] data = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (key == null) {
            return HEX.formatHex(Digests.SHA_256.get().digest(data));
        }
        Mac mac = macs.get();
        return HEX.formatHex(mac.doFinal(data));
    }

    private static final HexFormat HEX = HexFormat.of();

    /** One initialised MAC per thread: {@code Mac.getInstance} and {@code init} cost more than the MAC of an entry. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HMAC-SHA-256", e);
        }
    }

    /** One SHA-256 per thread, reset by every {@code digest}: looking the algorithm up per value was a third of its cost. */
    private static final class Digests {
        static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK lacks SHA-256", e);
            }
        });
    }

    /**
     * The commitment to one sealed value: SHA-256 over the salt, the side ({@code old}, {@code new},
     * {@code reason}) and the value, length-prefixed; {@code "-"} for an absent value. With the salt
     * gone (128 random bits) the commitment reveals nothing about a low-entropy value such as a phone
     * number, yet binds the entry's hash to the value it had.
     */
    public static String commit(@Nullable String salt, String side, @Nullable String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder sb = new StringBuilder(32 + value.length());
        field(sb, salt);
        field(sb, side);
        field(sb, value);
        return HEX.formatHex(Digests.SHA_256.get().digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh random salt for sealing (16 bytes, base64url). */
    public static String newSalt() {
        return newSalts(1)[0];
    }

    /**
     * {@code n} fresh random salts (16 bytes each, base64url). An audit entry needs one per sealed
     * change and one for its reason; the cost of {@code SecureRandom} is mostly per call (a lock
     * and a read of the system source), so each thread draws 1 KiB at a time and hands it out 16
     * bytes per salt, wiping each slice as it is used.
     */
    public static String[] newSalts(int n) {
        io.crmkit.core.check.Check.range(n, 0, 100_000, "n");
        String[] out = new String[n];
        byte[] salt = new byte[16];
        SaltSource source = SALTS.get();
        for (int i = 0; i < n; i++) {
            source.next(salt);
            out[i] = SALT_TEXT.encodeToString(salt);
        }
        return out;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final java.util.Base64.Encoder SALT_TEXT = java.util.Base64.getUrlEncoder().withoutPadding();
    private static final ThreadLocal<SaltSource> SALTS = ThreadLocal.withInitial(SaltSource::new);

    /** One thread's supply of random bytes for salts; not thread-safe (one per thread). */
    private static final class SaltSource {
        private final byte[] bytes = new byte[1024];
        private int next = bytes.length;

        void next(byte[] salt) {
            if (next + salt.length > bytes.length) {
                RANDOM.nextBytes(bytes);
                next = 0;
            }
            System.arraycopy(bytes, next, salt, 0, salt.length);
            java.util.Arrays.fill(bytes, next, next + salt.length, (byte) 0);
            next += salt.length;
        }
    }

    // Length-prefixed, so no choice of field values can make two different entries hash alike.
    private static void field(StringBuilder sb, @Nullable String value) {
        if (value == null) {
            sb.append("-1:");
        } else {
            sb.append(value.length()).append(':').append(value);
        }
    }

    /**
     * Checks every chain in {@code entries} (ordered by stream, then seq, as
     * {@code AuditRepository.stream()} returns them): each entry's hash, each link to the previous
     * entry, and that numbering has no gap. {@code currentVersion} tells, for a stream, the version
     * of the live record ({@code null}: unknown or deleted); a chain begun by a CREATE whose last
     * entry is behind that version has lost its tail.
     */
    public Verification verify(Stream<AuditEntry> entries, Function<AuditEntry, @Nullable Long> currentVersion) {
        List<String> problems = new ArrayList<>();
        long checked = 0;
        AuditEntry prev = null;
        AuditEntry first = null;
        Iterator<AuditEntry> it = entries.iterator();
        while (it.hasNext()) {
            AuditEntry e = it.next();
            checked++;
            boolean sameChain = prev != null && prev.streamType().equals(e.streamType()) && prev.streamId().equals(e.streamId());
            if (!sameChain) {
                if (prev != null) {
                    checkTail(first, prev, currentVersion, problems);
                }
                first = e;
                if (e.seq() == 1 && !e.prevHash().isEmpty()) {
                    problems.add(where(e) + ": the first entry links to a predecessor");
                }
            } else if (e.seq() != prev.seq() + 1) {
                problems.add(where(e) + ": entries missing or inserted before it (previous is #" + prev.seq() + ")");
            } else if (!Objects.equals(e.prevHash(), prev.hash())) {
                problems.add(where(e) + ": does not link to the previous entry");
            }
            if (!hash(e).equals(e.hash())) {
                problems.add(where(e) + ": content does not match its hash");
            }
            prev = e;
        }
        if (prev != null) {
            checkTail(first, prev, currentVersion, problems);
        }
        return new Verification(checked, problems);
    }

    private static void checkTail(AuditEntry first, AuditEntry last, Function<AuditEntry, @Nullable Long> currentVersion,
            List<String> problems) {
        if (first.seq() == 1 && "CREATE".equals(first.action())) {
            Long version = currentVersion.apply(last);
            if (version != null && version > last.seq()) {
                problems.add(where(last) + ": the record is at version " + version + ", so later entries are missing");
            }
        }
    }

    private static String where(AuditEntry e) {
        return e.streamType() + "/" + e.streamId() + "#" + e.seq();
    }

    /**
     * The outcome of {@link #verify}: how many entries were checked and what was wrong (empty when
     * the trail is intact). Problems name chains and positions, never values.
     *
     * <p>Immutable and thread-safe.
     *
     * @param entries how many entries were checked
     * @param problems what does not hold
     */
    public record Verification(long entries, List<String> problems) {
        public Verification {
            problems = List.copyOf(problems);
        }

        public boolean intact() {
            return problems.isEmpty();
        }
    }
}
