package com.callportrait.live;

import com.callportrait.live.ami.AmiOptions;
import com.callportrait.common.config.ConfigException;
import com.callportrait.live.calls.AgentDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of live routing and screen pops, read once from the environment and validated then.
 * Immutable.
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
 */
public record LiveOptions(Optional<AmiOptions> ami, Optional<Path> liveRules, AgentDirectory agents,
                          TokenService tokens, boolean randomTokenSecret, Duration callExpiry) {
    public LiveOptions {
        Objects.requireNonNull(ami, "ami");
        Objects.requireNonNull(liveRules, "liveRules");
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(callExpiry, "callExpiry");
    }

    public static LiveOptions fromEnvironment() {
        return fromEnv(System.getenv());
    }

    public static LiveOptions fromEnv(Map<String, String> env) {
        Optional<Path> rules = Optional.ofNullable(env.get("CP_LIVE_RULES")).filter(s -> !s.isBlank()).map(s -> {
            Path p = Path.of(s.trim());
            if (!Files.isReadable(p)) {
                throw new ConfigException("CP_LIVE_RULES names '" + s + "', which is not a readable file");
            }
            return p;
        });
        Optional<TokenService> tokens = TokenService.fromEnv(env, Clock.systemUTC());
        long expiry;
        try {
            expiry = Long.parseLong(env.getOrDefault("CP_CALL_EXPIRY_S", "14400").trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("CP_CALL_EXPIRY_S must be a number of seconds");
        }
        if (expiry < 60) {
            throw new ConfigException("CP_CALL_EXPIRY_S must be >= 60");
        }
        return new LiveOptions(AmiOptions.fromEnv(env), rules, AgentDirectory.parse(env.get("CP_AGENT_MAP")),
                tokens.orElseGet(() -> TokenService.random(Clock.systemUTC())), tokens.isEmpty(),
                Duration.ofSeconds(expiry));
    }

    /** A copy connecting to another AMI endpoint (demo, simulator). */
    public LiveOptions withAmi(Optional<AmiOptions> other) {
        return new LiveOptions(other, liveRules, agents, tokens, randomTokenSecret, callExpiry);
    }

    /** A copy with other tokens (demo prints tokens it issued). */
    public LiveOptions withTokens(TokenService t) {
        return new LiveOptions(ami, liveRules, agents, t, false, callExpiry);
    }
}
