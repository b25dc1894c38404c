package io.crmkit.core.consent;

import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.interaction.Channel;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The one decision kernel behind {@link ContactPolicy}: the rules compiled to arrays and bit masks,
 * instants as microseconds since the epoch. See {@link ContactPolicy} for the semantics. Immutable
 * and thread-safe.
 */
final class PolicyKernel {
    private static final long MICROS = 1_000_000L;
    /** Instants are clamped to about ±146,000 years, so microseconds never overflow. */
    private static final long MAX_SECONDS = Long.MAX_VALUE / MICROS / 2;

    private final ContactRules rules;
    /** Per purpose ordinal, the PolicyCheck bits that apply. */
    private final int[] checks;
    /** Per purpose ordinal, its caps. */
    private final Cap[][] caps;
    private final boolean quiet;
    private final long quietStart;
    private final long quietEnd;
    private final int quietChannels;

    private record Cap(int channelMask, int max, long window) {}

    // Details are fixed per purpose, kind and channel: built once, so a refusal allocates only its decision.
    private static final String[] CAP_DETAIL = new String[ConsentPurpose.values().length];
    private static final String[][] NO_CONSENT_DETAIL = new String[ContactPointKind.values().length][ConsentPurpose.values().length];
    private static final String[] DNC_DETAIL = new String[Channel.values().length];

    static {
        for (ConsentPurpose p : ConsentPurpose.values()) {
            CAP_DETAIL[p.ordinal()] = "a frequency cap for " + p + " is reached";
            for (ContactPointKind k : ContactPointKind.values()) {
                NO_CONSENT_DETAIL[k.ordinal()][p.ordinal()] = "no consent on record for " + p + " by " + k;
            }
        }
        for (Channel c : Channel.values()) {
            DNC_DETAIL[c.ordinal()] = "the customer asked not to be contacted on " + c;
        }
    }

    PolicyKernel(ContactRules rules) {
        this.rules = rules;
        ConsentPurpose[] purposes = ConsentPurpose.values();
        checks = new int[purposes.length];
        caps = new Cap[purposes.length][];
        for (ConsentPurpose p : purposes) {
            int bits = 0;
            for (PolicyCheck c : PolicyCheck.values()) {
                if (rules.applies(p, c)) {
                    bits |= 1 << c.ordinal();
                }
            }
            checks[p.ordinal()] = bits;
            caps[p.ordinal()] = rules.caps().stream().filter(c -> c.purpose() == p)
                    .map(c -> new Cap(mask(c.channels()), c.max(), c.window().toNanos() / 1_000)).toArray(Cap[]::new);
        }
        QuietHours q = rules.quietHours();
        quiet = q != null;
        quietStart = q == null ? 0 : q.start().toNanoOfDay() / 1_000;
        quietEnd = q == null ? 0 : q.end().toNanoOfDay() / 1_000;
        quietChannels = q == null ? 0 : mask(q.channels());
    }

    private static int mask(java.util.Set<Channel> channels) {
        int m = 0;
        for (Channel c : channels) {
            m |= 1 << c.ordinal();
        }
        return m;
    }

    static long micros(Instant at) {
        long s = Math.max(-MAX_SECONDS, Math.min(MAX_SECONDS, at.getEpochSecond()));
        return s * MICROS + at.getNano() / 1_000;
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS), Math.floorMod(micros, MICROS) * 1_000);
    }

    private boolean applies(int bits, PolicyCheck check) {
        return (bits & (1 << check.ordinal())) != 0;
    }

    /** The decision for the customer whose row in {@code s} starts at {@code row} (-1: not in the snapshot). */
    ContactDecision decide(PolicyRows s, ZoneClock[] zones, int row, Channel channel, ConsentPurpose purpose, long at) {
        if (row < 0) {
            return new ContactDecision.Deny(ContactReason.UNKNOWN_CUSTOMER, "no such customer in scope");
        }
        int bits = checks[purpose.ordinal()];
        if (applies(bits, PolicyCheck.DO_NOT_CONTACT)) {
            if (s.doNotContact(row)) {
                return new ContactDecision.Deny(ContactReason.DO_NOT_CONTACT, "the customer asked not to be contacted");
            }
            if ((s.doNotContactChannels(row) & (1 << channel.ordinal())) != 0) {
                return new ContactDecision.Deny(ContactReason.DO_NOT_CONTACT_CHANNEL,
                        DNC_DETAIL[channel.ordinal()]);
            }
        }
        long start = at;
        long end = Long.MAX_VALUE;
        ContactReason first = null;
        ContactPointKind kind = ContactPointKind.of(channel);
        if (applies(bits, PolicyCheck.CONSENT) && kind != null) {
            int f = s.consent(row, kind.ordinal(), purpose.ordinal());
            ContactDecision refused = consentRefusal(s, f, kind, purpose, at);
            if (refused != null) {
                return refused;
            }
            end = s.until(f);
            if (at < s.from(f)) {
                start = s.from(f);
                first = ContactReason.CONSENT_NOT_YET_EFFECTIVE;
            }
        }
        boolean capped = applies(bits, PolicyCheck.FREQUENCY_CAP) && caps[purpose.ordinal()].length > 0;
        boolean quietHere = quiet && applies(bits, PolicyCheck.QUIET_HOURS) && (quietChannels & (1 << channel.ordinal())) != 0;
        long t = start;
        for (int step = 0; step < ContactPolicy.maxSteps(); step++) {
            if (t >= end) {
                return new ContactDecision.Deny(ContactReason.NO_TIME_BEFORE_CONSENT_ENDS,
                        "caps or quiet hours hold the contact until after the consent ends");
            }
            long next = capped ? capRoom(s, row, caps[purpose.ordinal()], purpose, channel, t) : t;
            if (next > t) {
                first = first == null ? ContactReason.FREQUENCY_CAP : first;
                t = next;
                continue;
            }
            next = quietHere ? quietEnds(zones[s.zone(row)], t) : t;
            if (next > t) {
                first = first == null ? ContactReason.QUIET_HOURS : first;
                t = next;
                continue;
            }
            if (t == at) {
                return ContactDecision.ALLOW;
            }
            return new ContactDecision.Defer(instant(t), first, detail(first, purpose));
        }
        return new ContactDecision.Deny(first == null ? ContactReason.FREQUENCY_CAP : first,
                "no allowed time within the search bound");
    }

    /** The refusal consent {@code f} (an index in the rows, -1 for none) gives at {@code at}, or {@code null}. */
    private @Nullable ContactDecision consentRefusal(PolicyRows s, int f, ContactPointKind kind,
            ConsentPurpose purpose, long at) {
        if (f < 0) {
            return new ContactDecision.Deny(ContactReason.NO_CONSENT, NO_CONSENT_DETAIL[kind.ordinal()][purpose.ordinal()]);
        }
        long from = s.from(f);
        long until = s.until(f);
        if (from == Long.MAX_VALUE) {
            return switch (s.status(f)) {
                case PENDING -> new ContactDecision.Deny(ContactReason.CONSENT_PENDING, "the double opt-in is not confirmed");
                case WITHDRAWN -> new ContactDecision.Deny(ContactReason.CONSENT_WITHDRAWN, "the customer withdrew consent");
                default -> new ContactDecision.Deny(ContactReason.CONSENT_REFUSED, "the customer refused consent");
            };
        }
        if (Math.max(at, from) >= until) {
            return s.endsByWithdrawal(f)
                    ? new ContactDecision.Deny(ContactReason.CONSENT_WITHDRAWN, "the customer withdrew consent")
                    : new ContactDecision.Deny(ContactReason.CONSENT_EXPIRED, "the consent's effective period has ended");
        }
        return null;
    }

    private static String detail(ContactReason reason, ConsentPurpose purpose) {
        return switch (reason) {
            case CONSENT_NOT_YET_EFFECTIVE -> "the consent is not effective yet";
            case FREQUENCY_CAP -> CAP_DETAIL[purpose.ordinal()];
            default -> "quiet hours in the customer's time zone";
        };
    }

    /**
     * {@code t} if every cap has room at {@code t}; otherwise the earliest instant at which enough
     * of the contacts now in a full window have left it (contacts logged after {@code t} may fill
     * it again: the caller asks again from there).
     */
    private static long capRoom(PolicyRows s, int row, Cap[] caps, ConsentPurpose purpose, Channel channel, long t) {
        int n = s.contacts(row);
        if (n == 0) {
            return t;
        }
        long[] d = s.data;
        int times = s.contactTimes(row);
        int kinds = times + n;
        long need = t;
        int p = purpose.ordinal();
        int bit = 1 << channel.ordinal();
        int hi = upper(d, times, times + n, t);
        for (Cap cap : caps) {
            if (cap.channelMask != 0 && (cap.channelMask & bit) == 0) {
                continue;
            }
            int lo = upper(d, times, hi, t - cap.window);
            int count = 0;
            for (int i = lo; i < hi; i++) {
                if (counts(d[kinds + i - times], p, cap)) {
                    count++;
                }
            }
            if (count >= cap.max) {
                int k = count - cap.max + 1;
                for (int i = lo; i < hi; i++) {
                    if (counts(d[kinds + i - times], p, cap) && --k == 0) {
                        need = Math.max(need, d[i] + cap.window);
                        break;
                    }
                }
            }
        }
        return need;
    }

    /** Whether a contact of {@code kind} (purpose | channel << 8) counts towards {@code cap} of {@code purpose}. */
    private static boolean counts(long kind, int purpose, Cap cap) {
        return (kind & 0xFF) == purpose && (cap.channelMask == 0 || (cap.channelMask & (1 << (int) (kind >>> 8))) != 0);
    }

    /** The first index in {@code [from, to)} of {@code d} (ascending there) whose value is after {@code t}. */
    private static int upper(long[] d, int from, int to, long t) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (d[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** {@code t} if it is not quiet at {@code t} in {@code zone}; otherwise the first instant after it that is not. */
    private long quietEnds(ZoneClock zone, long t) {
        long local = t + zone.offsetAt(Math.floorDiv(t, MICROS)) * MICROS;
        long ofDay = Math.floorMod(local, ContactPolicy.DAY_MICROS);
        boolean wraps = quietStart > quietEnd;
        boolean isQuiet = wraps ? ofDay >= quietStart || ofDay < quietEnd : ofDay >= quietStart && ofDay < quietEnd;
        if (!isQuiet) {
            return t;
        }
        long day = Math.floorDiv(local, ContactPolicy.DAY_MICROS) + (wraps && ofDay >= quietStart ? 1 : 0);
        return zone.quietEndAfter(day, t);
    }

    ContactRules rules() {
        return rules;
    }
}
