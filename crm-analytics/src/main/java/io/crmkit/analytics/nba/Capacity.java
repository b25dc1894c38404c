package io.crmkit.analytics.nba;

import io.crmkit.analytics.internal.Checks;
import io.crmkit.core.interaction.Channel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How many actions a run may hand out: per channel (e.g. 5,000 outbound calls tonight), per branch
 * on the channels that branch staff deliver (e.g. 40 calls per branch), and per customer (the
 * length of each customer's list, 1 to 20).
 *
 * <p>Arbitration is deterministic: actions that need capacity are served in order of priority,
 * highest first; equal priorities go to the smaller customer row (frames read from the store are
 * in customer-id order), then to the smaller proposition id. Channels without a limit and channels
 * outside {@link #branchChannels()} are not counted.
 *
 * <p>Branches are the labels of a category feature ({@link #branchFeature()}, default
 * {@code branch}); a customer without a branch label is limited by the channel alone. Immutable and
 * thread-safe.
 */
public final class Capacity {

    private final Map<Channel, Integer> channelLimits;
    private final Map<String, Integer> branchLimits;
    private final int branchDefault;
    private final Set<Channel> branchChannels;
    private final String branchFeature;
    private final int perCustomer;

    private Capacity(Builder b) {
        this.channelLimits = Collections.unmodifiableMap(new EnumMap<>(b.channelLimits));
        this.branchLimits = Collections.unmodifiableMap(new LinkedHashMap<>(b.branchLimits));
        this.branchDefault = b.branchDefault;
        this.branchChannels = Collections.unmodifiableSet(b.branchChannels.isEmpty()
                ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(b.branchChannels));
        this.branchFeature = b.branchFeature;
        this.perCustomer = b.perCustomer;
    }

    /** No channel or branch limits; each customer gets at most {@code perCustomer} actions. */
    public static Capacity unlimited(int perCustomer) {
        return custom().perCustomer(perCustomer).build();
    }

    public static Builder custom() {
        return new Builder();
    }

    public Map<Channel, Integer> channelLimits() {
        return channelLimits;
    }

    public Map<String, Integer> branchLimits() {
        return branchLimits;
    }

    /** The limit of a branch without its own, or -1 for none. */
    public int branchDefault() {
        return branchDefault;
    }

    public Set<Channel> branchChannels() {
        return branchChannels;
    }

    public String branchFeature() {
        return branchFeature;
    }

    public int perCustomer() {
        return perCustomer;
    }

    /** Whether any branch limit applies. */
    public boolean limitsBranches() {
        return !branchChannels.isEmpty() && (branchDefault >= 0 || !branchLimits.isEmpty());
    }

    @Override
    public String toString() {
        return "Capacity[channels=" + channelLimits + ", branches=" + branchLimits + ", branchDefault=" + branchDefault
                + ", branchChannels=" + branchChannels + ", perCustomer=" + perCustomer + "]";
    }

    /** Builder: no limits, 3 actions per customer, branch feature {@code branch}. Not thread-safe. */
    public static final class Builder {
        private final Map<Channel, Integer> channelLimits = new EnumMap<>(Channel.class);
        private final Map<String, Integer> branchLimits = new LinkedHashMap<>();
        private int branchDefault = -1;
        private final Set<Channel> branchChannels = EnumSet.noneOf(Channel.class);
        private String branchFeature = "branch";
        private int perCustomer = 3;

        private Builder() {
        }

        /** At most {@code limit} actions on the channel in one run (0 to 100,000,000). */
        public Builder channel(Channel channel, int limit) {
            Checks.notNull(channel, "capacity.channel");
            channelLimits.put(channel, Checks.between(limit, 0, 100_000_000, "capacity.channel." + channel));
            return this;
        }

        /** At most {@code limit} actions of the branch channels for the customers of one branch label. */
        public Builder branch(String branchLabel, int limit) {
            Checks.code(branchLabel, "capacity.branch");
            branchLimits.put(branchLabel, Checks.between(limit, 0, 100_000_000, "capacity.branch." + branchLabel));
            return this;
        }

        /** The limit of every branch that has no limit of its own; default none. */
        public Builder branchDefault(int limit) {
            this.branchDefault = Checks.between(limit, 0, 100_000_000, "capacity.branchDefault");
            return this;
        }

        /** The channels branch staff deliver, which count against the branch limits (e.g. PHONE, MEETING). */
        public Builder branchChannels(Channel... channels) {
            for (Channel c : Checks.notNull(channels, "capacity.branchChannels")) {
                branchChannels.add(Checks.notNull(c, "capacity.branchChannels"));
            }
            return this;
        }

        public Builder branchFeature(String feature) {
            this.branchFeature = Checks.featureName(feature, "capacity.branchFeature");
            return this;
        }

        /** Length of each customer's list, 1 to 20; default 3. */
        public Builder perCustomer(int actions) {
            this.perCustomer = Checks.between(actions, 1, 20, "capacity.perCustomer");
            return this;
        }

        public Capacity build() {
            return new Capacity(this);
        }
    }
}
