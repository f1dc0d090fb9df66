package com.callportrait.records;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.time.Duration;
import java.util.Objects;

/**
 * How the running server refreshes the insights (agent groups, association rules, demand heat,
 * forecast; {@link InsightsRefresh}). Immutable and thread-safe.
 *
 * @param enabled          {@code CP_INSIGHTS} (default on; needs {@code CP_FRESH} data or the demo's)
 * @param every            {@code CP_INSIGHTS_EVERY}, time between refreshes (default 24 h, at least 1 min)
 * @param penalties        {@code CP_INSIGHTS_PENALTIES}: also set every grouped agent's queue penalty
 *                         over AMI (QueuePenalty; high 0, middle 1, low 2). Default off: changing who
 *                         gets which calls is the centre's decision
 * @param memberInterface  {@code CP_INSIGHTS_MEMBER_INTERFACE}, the queue member interface of an agent,
 *                         {@code {agent}} replaced by the agent name (default {@value #DEFAULT_MEMBER_INTERFACE},
 *                         the member form of asterisk-conf/queues_callportrait.conf)
 */
public record InsightsOptions(boolean enabled, Duration every, boolean penalties, String memberInterface) {
    public static final boolean DEFAULT_ENABLED = true;
    public static final Duration DEFAULT_EVERY = Duration.ofHours(24);
    public static final Duration MIN_EVERY = Duration.ofMinutes(1);
    public static final boolean DEFAULT_PENALTIES = false;
    public static final String DEFAULT_MEMBER_INTERFACE = "Local/{agent}@cp-agents";

    public InsightsOptions {
        Objects.requireNonNull(every, "every");
        if (every.compareTo(MIN_EVERY) < 0) {
            throw new ConfigException("CP_INSIGHTS_EVERY", "must be at least 1 minute, got " + every);
        }
        if (memberInterface == null || !memberInterface.contains("{agent}")) {
            throw new ConfigException("CP_INSIGHTS_MEMBER_INTERFACE", "must contain {agent}, got " + memberInterface);
        }
    }

    public static InsightsOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The settings from {@code env}; a bad value names its variable. */
    public static InsightsOptions from(Env env) {
        return builder().enabled(env.bool("CP_INSIGHTS", DEFAULT_ENABLED))
                .every(env.duration("CP_INSIGHTS_EVERY", DEFAULT_EVERY, MIN_EVERY))
                .penalties(env.bool("CP_INSIGHTS_PENALTIES", DEFAULT_PENALTIES))
                .memberInterface(env.string("CP_INSIGHTS_MEMBER_INTERFACE", DEFAULT_MEMBER_INTERFACE)).build();
    }

    /** The queue member interface of {@code agent}. */
    public String memberOf(String agent) {
        return memberInterface.replace("{agent}", agent);
    }

    /** Builds {@link InsightsOptions}; unset values keep their defaults. Not thread-safe. */
    public static final class Builder {
        private boolean enabled = DEFAULT_ENABLED;
        private Duration every = DEFAULT_EVERY;
        private boolean penalties = DEFAULT_PENALTIES;
        private String memberInterface = DEFAULT_MEMBER_INTERFACE;

        private Builder() {
        }

        public Builder enabled(boolean v) {
            this.enabled = v;
            return this;
        }

        public Builder every(Duration v) {
            this.every = v;
            return this;
        }

        public Builder penalties(boolean v) {
            this.penalties = v;
            return this;
        }

        public Builder memberInterface(String v) {
            this.memberInterface = v;
            return this;
        }

        public InsightsOptions build() {
            return new InsightsOptions(enabled, every, penalties, memberInterface);
        }
    }
}
