package io.crmkit.core.consent;

import io.crmkit.core.check.Check;
import io.crmkit.core.customer.ConsentPurpose;
import io.crmkit.core.interaction.Channel;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The firm's contact rules, as data: frequency caps per purpose and channels, quiet hours, the
 * checks each purpose is exempt from, and the zone for customers whose profile names none. Given
 * to {@code Crm.builder().contactRules(...)}; every decision of the {@code Crm} applies them.
 *
 * <p>{@link #ofDefaults()}: at most 2 marketing contacts per rolling 7 days on any channel; quiet
 * hours 21:00 to 08:00 on phone, call-centre, SMS, app and chat; {@link ConsentPurpose#SERVICE}
 * exempt from consent, caps and quiet hours (a customer's own request is answered, but not against
 * a do-not-contact flag); {@link ConsentPurpose#TRANSACTIONAL} exempt from every check (statements,
 * confirmations and margin calls the firm must send); the customer zone defaults to the
 * {@code Crm}'s business zone.
 *
 * <pre>{@code
 * ContactRules rules = ContactRules.custom()
 *         .cap(FrequencyCap.of(ConsentPurpose.MARKETING, 2, Duration.ofDays(7)))
 *         .quietHours(QuietHours.of(LocalTime.of(21, 0), LocalTime.of(8, 0), Channel.PHONE, Channel.SMS))
 *         .exempt(ConsentPurpose.SERVICE, PolicyCheck.CONSENT, PolicyCheck.FREQUENCY_CAP)
 *         .firmZone(ZoneId.of("Asia/Shanghai"))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param caps the frequency caps, at most {@value #MAX_CAPS}
 * @param quietHours the quiet hours, or {@code null} for none
 * @param exemptions per purpose, the checks it skips (purposes not named skip none)
 * @param firmZone the zone of customers whose profile names none, or {@code null} for the {@code Crm}'s zone
 */
public record ContactRules(List<FrequencyCap> caps, @Nullable QuietHours quietHours,
        Map<ConsentPurpose, Set<PolicyCheck>> exemptions, @Nullable ZoneId firmZone) {
    /** Most caps. */
    public static final int MAX_CAPS = 100;

    public ContactRules {
        caps = List.copyOf(Check.list(caps, "caps"));
        Check.that(caps.size() <= MAX_CAPS, "caps", "Size", "must have at most " + MAX_CAPS + " entries");
        Map<ConsentPurpose, Set<PolicyCheck>> copy = new EnumMap<>(ConsentPurpose.class);
        for (Map.Entry<ConsentPurpose, Set<PolicyCheck>> e : Check.map(exemptions, "exemptions").entrySet()) {
            copy.put(e.getKey(), Set.copyOf(Check.set(e.getValue(), "exemptions")));
        }
        exemptions = Map.copyOf(copy);
    }

    /** The rules described above. */
    public static ContactRules ofDefaults() {
        return DEFAULTS;
    }

    private static final ContactRules DEFAULTS = custom()
            .cap(FrequencyCap.of(ConsentPurpose.MARKETING, 2, Duration.ofDays(7)))
            .quietHours(QuietHours.of(LocalTime.of(21, 0), LocalTime.of(8, 0), Channel.PHONE, Channel.CALL_CENTRE,
                    Channel.SMS, Channel.APP, Channel.CHAT))
            .exempt(ConsentPurpose.SERVICE, PolicyCheck.CONSENT, PolicyCheck.FREQUENCY_CAP, PolicyCheck.QUIET_HOURS)
            .exempt(ConsentPurpose.TRANSACTIONAL, PolicyCheck.values())
            .build();

    /** Rules with no caps, no quiet hours and no exemptions, to build on. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from {@code rules}. */
    public static Builder from(ContactRules rules) {
        Check.notNull(rules, "rules");
        Builder b = new Builder();
        b.caps.addAll(rules.caps);
        b.quietHours = rules.quietHours;
        rules.exemptions.forEach((p, s) -> b.exemptions.put(p, s.isEmpty() ? EnumSet.noneOf(PolicyCheck.class) : EnumSet.copyOf(s)));
        b.firmZone = rules.firmZone;
        return b;
    }

    /** Whether {@code check} applies to contact for {@code purpose}. */
    public boolean applies(ConsentPurpose purpose, PolicyCheck check) {
        Set<PolicyCheck> skipped = exemptions.get(purpose);
        return skipped == null || !skipped.contains(check);
    }

    /** The longest cap window, or {@code Optional.empty()} without caps. */
    public Optional<Duration> longestWindow() {
        return caps.stream().map(FrequencyCap::window).max(Duration::compareTo);
    }

    /** Builds {@link ContactRules}; each setter checks its argument. Not thread-safe. */
    public static final class Builder {
        private final List<FrequencyCap> caps = new ArrayList<>();
        private @Nullable QuietHours quietHours;
        private final Map<ConsentPurpose, EnumSet<PolicyCheck>> exemptions = new EnumMap<>(ConsentPurpose.class);
        private @Nullable ZoneId firmZone;

        private Builder() {}

        /** Adds a cap. */
        public Builder cap(FrequencyCap value) {
            caps.add(Check.notNull(value, "cap"));
            return this;
        }

        /** Removes every cap. */
        public Builder noCaps() {
            caps.clear();
            return this;
        }

        /** Sets the quiet hours ({@code null} for none). */
        public Builder quietHours(@Nullable QuietHours value) {
            quietHours = value;
            return this;
        }

        /** Exempts {@code purpose} from {@code checks} (in addition to earlier exemptions). */
        public Builder exempt(ConsentPurpose purpose, PolicyCheck... checks) {
            Check.notNull(purpose, "exemptions");
            Check.notNull(checks, "exemptions");
            EnumSet<PolicyCheck> set = exemptions.computeIfAbsent(purpose, p -> EnumSet.noneOf(PolicyCheck.class));
            for (PolicyCheck c : checks) {
                set.add(Check.notNull(c, "exemptions"));
            }
            return this;
        }

        /** Makes every check apply to {@code purpose} again. */
        public Builder noExemption(ConsentPurpose purpose) {
            exemptions.remove(Check.notNull(purpose, "exemptions"));
            return this;
        }

        /** The zone of customers whose profile names none ({@code null}: the {@code Crm}'s zone). */
        public Builder firmZone(@Nullable ZoneId value) {
            firmZone = value;
            return this;
        }

        public ContactRules build() {
            Map<ConsentPurpose, Set<PolicyCheck>> ex = new EnumMap<>(ConsentPurpose.class);
            exemptions.forEach((p, s) -> ex.put(p, Set.copyOf(s)));
            return new ContactRules(caps, quietHours, ex, firmZone);
        }
    }
}
