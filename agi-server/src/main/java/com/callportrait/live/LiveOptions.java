package com.callportrait.live;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import com.callportrait.live.ami.AmiOptions;
import com.callportrait.live.calls.AgentDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of live routing and screen pops. Immutable and thread-safe; built once at start-up by
 * {@link #from(Env)} and validated then, or by {@link #builder()} (tests, embedded use), whose
 * defaults are the {@code DEFAULT_*} constants.
 *
 * <table>
 * <caption>Environment variables</caption>
 * <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 * <tr><td>CP_AMI_URI, CP_AMI_SECRET_FILE, ...</td><td>(unset: no AMI)</td><td>see {@link AmiOptions}</td></tr>
 * <tr><td>CP_LIVE_RULES</td><td>(bundled)</td><td>live routing rules YAML, reloaded on change</td></tr>
 * <tr><td>CP_AGENT_MAP</td><td>(MemberName)</td><td>{@code Interface-or-MemberName=agent,...}</td></tr>
 * <tr><td>CP_TOKEN_SECRET / CP_TOKEN_SECRET_FILE</td><td>(random per process)</td><td>HMAC secret of
 * agent/supervisor tokens, at least 32 characters; the {@code token} command needs the same one</td></tr>
 * <tr><td>CP_CALL_EXPIRY_S</td><td>14400</td><td>a call with no event for this long is dropped (missed Hangup)</td></tr>
 * </table>
 *
 * @param randomTokenSecret true when no secret was configured and {@code tokens} signs with a random
 *                          one (tokens die with the process)
 */
public record LiveOptions(Optional<AmiOptions> ami, Optional<Path> liveRules, AgentDirectory agents,
                          TokenService tokens, boolean randomTokenSecret, Duration callExpiry) {
    /** A call with no AMI event for this long is dropped (its Hangup was missed). */
    public static final Duration DEFAULT_CALL_EXPIRY = Duration.ofHours(4);
    /** The shortest call expiry accepted. */
    public static final Duration MIN_CALL_EXPIRY = Duration.ofSeconds(60);

    public LiveOptions {
        Objects.requireNonNull(ami, "ami");
        Objects.requireNonNull(liveRules, "liveRules");
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(callExpiry, "callExpiry");
        if (callExpiry.compareTo(MIN_CALL_EXPIRY) < 0) {
            throw new ConfigException("CP_CALL_EXPIRY_S", "must be >= 60, got " + callExpiry.toSeconds());
        }
    }

    /** A builder: no AMI, bundled rules, agents known by MemberName, a random token secret. */
    public static Builder builder() {
        return new Builder();
    }

    /** The settings from {@code env}; a bad value names its variable. */
    public static LiveOptions from(Env env) {
        Optional<Path> rules = env.path("CP_LIVE_RULES");
        rules.ifPresent(p -> {
            if (!Files.isReadable(p)) {
                throw new ConfigException("CP_LIVE_RULES", "names '" + p + "', which is not a readable file");
            }
        });
        Builder b = builder().ami(AmiOptions.from(env)).liveRules(rules).agents(AgentDirectory.from(env))
                .callExpiry(env.seconds("CP_CALL_EXPIRY_S", DEFAULT_CALL_EXPIRY, MIN_CALL_EXPIRY.toSeconds(),
                        Integer.MAX_VALUE));
        TokenService.from(env, Clock.systemUTC()).ifPresent(b::tokens);
        return b.build();
    }


    /** A copy connecting to another AMI endpoint (demo, simulator). */
    public LiveOptions withAmi(Optional<AmiOptions> other) {
        return new LiveOptions(other, liveRules, agents, tokens, randomTokenSecret, callExpiry);
    }

    /** A copy with other tokens (demo prints tokens it issued). */
    public LiveOptions withTokens(TokenService t) {
        return new LiveOptions(ami, liveRules, agents, t, false, callExpiry);
    }

    /** Builds {@link LiveOptions}; unset values are the defaults. Not thread-safe. */
    public static final class Builder {
        private Optional<AmiOptions> ami = Optional.empty();
        private Optional<Path> liveRules = Optional.empty();
        private AgentDirectory agents = AgentDirectory.identity();
        private TokenService tokens;
        private Duration callExpiry = DEFAULT_CALL_EXPIRY;

        private Builder() {
        }

        public Builder ami(Optional<AmiOptions> v) {
            ami = v;
            return this;
        }

        public Builder liveRules(Optional<Path> v) {
            liveRules = v;
            return this;
        }

        public Builder agents(AgentDirectory v) {
            agents = v;
            return this;
        }

        /** Tokens signed with a configured secret; unset = a random secret per process. */
        public Builder tokens(TokenService v) {
            tokens = v;
            return this;
        }

        public Builder callExpiry(Duration v) {
            callExpiry = v;
            return this;
        }

        public LiveOptions build() {
            return new LiveOptions(ami, liveRules, agents,
                    tokens != null ? tokens : TokenService.random(Clock.systemUTC()), tokens == null, callExpiry);
        }
    }
}
