package io.crmkit.core.consent;

import io.crmkit.core.consent.ContactPolicy.ConsentFact;
import io.crmkit.core.consent.ContactPolicy.CustomerContactState;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.interaction.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
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
    private final java.time.LocalTime quietEndTime;
    private final int quietChannels;

    private record Cap(int channelMask, int max, long window) {}

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
        quietEndTime = q == null ? java.time.LocalTime.MIDNIGHT : q.end();
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

    ContactDecision decide(@Nullable CustomerContactState s, Channel channel, ConsentPurpose purpose, long at) {
        if (s == null) {
            return new ContactDecision.Deny(ContactReason.UNKNOWN_CUSTOMER, "no such customer in scope");
        }
        int bits = checks[purpose.ordinal()];
        if (applies(bits, PolicyCheck.DO_NOT_CONTACT)) {
            if (s.doNotContact()) {
                return new ContactDecision.Deny(ContactReason.DO_NOT_CONTACT, "the customer asked not to be contacted");
            }
            if ((s.doNotContactChannels() & (1 << channel.ordinal())) != 0) {
                return new ContactDecision.Deny(ContactReason.DO_NOT_CONTACT_CHANNEL,
                        "the customer asked not to be contacted on " + channel);
            }
        }
        long start = at;
        long end = Long.MAX_VALUE;
        ContactReason first = null;
        ContactPointKind kind = ContactPointKind.of(channel);
        if (applies(bits, PolicyCheck.CONSENT) && kind != null) {
            ConsentFact f = s.consent(kind.ordinal(), purpose.ordinal());
            ContactDecision refused = consentRefusal(f, kind, purpose, at);
            if (refused != null) {
                return refused;
            }
            end = f.until;
            if (at < f.from) {
                start = f.from;
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
            long next = capped ? capRoom(s, caps[purpose.ordinal()], purpose, channel, t) : t;
            if (next > t) {
                first = first == null ? ContactReason.FREQUENCY_CAP : first;
                t = next;
                continue;
            }
            next = quietHere ? quietEnds(s.zone(), t) : t;
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

    private @Nullable ContactDecision consentRefusal(@Nullable ConsentFact f, ContactPointKind kind,
            ConsentPurpose purpose, long at) {
        if (f == null) {
            return new ContactDecision.Deny(ContactReason.NO_CONSENT, "no consent on record for " + purpose + " by " + kind);
        }
        if (f.from == Long.MAX_VALUE) {
            return switch (f.status) {
                case PENDING -> new ContactDecision.Deny(ContactReason.CONSENT_PENDING, "the double opt-in is not confirmed");
                case WITHDRAWN -> new ContactDecision.Deny(ContactReason.CONSENT_WITHDRAWN, "the customer withdrew consent");
                default -> new ContactDecision.Deny(ContactReason.CONSENT_REFUSED, "the customer refused consent");
            };
        }
        if (Math.max(at, f.from) >= f.until) {
            return f.endsByWithdrawal
                    ? new ContactDecision.Deny(ContactReason.CONSENT_WITHDRAWN, "the customer withdrew consent")
                    : new ContactDecision.Deny(ContactReason.CONSENT_EXPIRED, "the consent's effective period has ended");
        }
        return null;
    }

    private static String detail(ContactReason reason, ConsentPurpose purpose) {
        return switch (reason) {
            case CONSENT_NOT_YET_EFFECTIVE -> "the consent is not effective yet";
            case FREQUENCY_CAP -> "a frequency cap for " + purpose + " is reached";
            default -> "quiet hours in the customer's time zone";
        };
    }

    /**
     * {@code t} if every cap has room at {@code t}; otherwise the earliest instant at which enough
     * of the contacts now in a full window have left it (contacts logged after {@code t} may fill
     * it again: the caller asks again from there).
     */
    private static long capRoom(CustomerContactState s, Cap[] caps, ConsentPurpose purpose, Channel channel, long t) {
        long need = t;
        long[] times = s.times();
        if (times.length == 0) {
            return t;
        }
        int p = purpose.ordinal();
        int bit = 1 << channel.ordinal();
        int hi = upper(times, t);
        for (Cap cap : caps) {
            if (cap.channelMask != 0 && (cap.channelMask & bit) == 0) {
                continue;
            }
            int lo = upper(times, t - cap.window);
            int count = 0;
            for (int i = lo; i < hi; i++) {
                if (counts(s, i, p, cap)) {
                    count++;
                }
            }
            if (count >= cap.max) {
                int k = count - cap.max + 1;
                for (int i = lo; i < hi; i++) {
                    if (counts(s, i, p, cap) && --k == 0) {
                        need = Math.max(need, times[i] + cap.window);
                        break;
                    }
                }
            }
        }
        return need;
    }

    private static boolean counts(CustomerContactState s, int i, int purpose, Cap cap) {
        return s.purposes()[i] == purpose && (cap.channelMask == 0 || (cap.channelMask & (1 << s.channels()[i])) != 0);
    }

    /** The first index whose time is after {@code t}. */
    private static int upper(long[] times, long t) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** {@code t} if it is not quiet at {@code t} in {@code zone}; otherwise the first instant after it that is not. */
    private long quietEnds(ZoneRules zone, long t) {
        long seconds = Math.floorDiv(t, MICROS);
        int offset = zone.isFixedOffset() ? zone.getOffset(Instant.EPOCH).getTotalSeconds()
                : zone.getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
        long local = t + offset * MICROS;
        long ofDay = Math.floorMod(local, ContactPolicy.DAY_MICROS);
        boolean wraps = quietStart > quietEnd;
        boolean isQuiet = wraps ? ofDay >= quietStart || ofDay < quietEnd : ofDay >= quietStart && ofDay < quietEnd;
        if (!isQuiet) {
            return t;
        }
        long day = Math.floorDiv(local, ContactPolicy.DAY_MICROS) + (wraps && ofDay >= quietStart ? 1 : 0);
        LocalDateTime endLocal = LocalDateTime.of(LocalDate.ofEpochDay(day), quietEndTime);
        List<ZoneOffset> offsets = zone.getValidOffsets(endLocal);
        if (offsets.isEmpty()) {
            // the end falls into a spring-forward gap: the quiet period ends with the gap
            ZoneOffsetTransition gap = zone.getTransition(endLocal);
            return Math.max(t + 1, micros(gap.getInstant()));
        }
        for (ZoneOffset o : offsets) {
            long candidate = endLocal.toEpochSecond(o) * MICROS;
            if (candidate > t) {
                return candidate;
            }
        }
        return t + 1;
    }

    ContactRules rules() {
        return rules;
    }
}
