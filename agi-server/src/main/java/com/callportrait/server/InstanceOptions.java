package com.callportrait.server;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How this instance shares one Asterisk with others: its id, and how live actions and call
 * ownership are claimed in Redis. Built once at start-up by {@link #from(Env)}. Immutable and
 * thread-safe.
 *
 * <table>
 * <caption>Environment variables</caption>
 * <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 * <tr><td>CP_INSTANCE_ID</td><td>host name and process id</td><td>who claimed an action (the value of
 *     its claim key); stable across restarts is not needed</td></tr>
 * <tr><td>CP_ACTION_CLAIM_TTL</td><td>12h</td><td>how long a claim holds: longer than any call, so an
 *     instance restarted mid-call does not act again</td></tr>
 * <tr><td>CP_ACTION_CLAIM_TIMEOUT_MS</td><td>500</td><td>how long a claim may take; past it the
 *     fail-safe applies (a redirect waits, a priority change or alert is sent by this instance's
 *     own guard, a pop goes to this instance's pages)</td></tr>
 * </table>
 *
 * @param id           this instance's id
 * @param claimTtl     expiry of a claim
 * @param claimTimeout how long a claim may take
 */
public record InstanceOptions(String id, Duration claimTtl, Duration claimTimeout) {
    public static final Duration DEFAULT_CLAIM_TTL = Duration.ofHours(12);
    public static final Duration DEFAULT_CLAIM_TIMEOUT = Duration.ofMillis(500);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    public InstanceOptions {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new ConfigException("CP_INSTANCE_ID", "use letters, digits and _ . : - (at most 100), got '" + id + "'");
        }
        if (claimTtl.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new ConfigException("CP_ACTION_CLAIM_TTL", "must be at least 1 minute, got " + claimTtl);
        }
        if (claimTimeout.isNegative() || claimTimeout.isZero()) {
            throw new ConfigException("CP_ACTION_CLAIM_TIMEOUT_MS", "must be positive, got " + claimTimeout);
        }
    }

    public static InstanceOptions from(Env env) {
        return new InstanceOptions(env.string("CP_INSTANCE_ID", defaultId()),
                env.duration("CP_ACTION_CLAIM_TTL", DEFAULT_CLAIM_TTL, Duration.ofMinutes(1)),
                env.millis("CP_ACTION_CLAIM_TIMEOUT_MS", DEFAULT_CLAIM_TIMEOUT, 1, 60_000));
    }

    /** The defaults (as from an empty environment). */
    public static InstanceOptions defaults() {
        return new InstanceOptions(defaultId(), DEFAULT_CLAIM_TTL, DEFAULT_CLAIM_TIMEOUT);
    }

    /** Host name and process id, e.g. {@code pbx-app-1-4711}. */
    static String defaultId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "host";
        }
        String id = host.replaceAll("[^A-Za-z0-9_.:-]", "-") + "-" + ProcessHandle.current().pid();
        return id.length() > 100 ? id.substring(id.length() - 100) : id;
    }
}
