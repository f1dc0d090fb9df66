package com.callportrait.live.ami;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Connection settings of the AMI client. Immutable and thread-safe; {@link #toString()} masks the
 * secret. Built at start-up by {@link #from(Env)} (the one reader of {@code CP_AMI_URI}) or by
 * {@link #builder()} (tests, simulator), whose defaults are the {@code DEFAULT_*} constants.
 *
 * <table>
 * <caption>Environment variables</caption>
 * <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 * <tr><td>CP_AMI_URI</td><td>(unset: no AMI)</td><td>{@code ami://user:secret@host:5038}; leave the
 * secret empty ({@code ami://user:@host}) to read it from CP_AMI_SECRET_FILE</td></tr>
 * <tr><td>CP_AMI_SECRET_FILE</td><td>(none)</td><td>file whose first line is the secret (Docker/K8s secrets)</td></tr>
 * <tr><td>CP_AMI_ACTION_TIMEOUT_MS</td><td>5000</td><td>how long an action waits for its reply</td></tr>
 * <tr><td>CP_AMI_EVENT_QUEUE</td><td>10000</td><td>events buffered between the socket reader and consumers</td></tr>
 * <tr><td>CP_AMI_RECONNECT_MAX_MS</td><td>30000</td><td>longest pause between reconnect attempts</td></tr>
 * </table>
 */
public record AmiOptions(String host, int port, String username, String secret, Duration actionTimeout,
                         int eventQueue, Duration reconnectMin, Duration reconnectMax) {
    /** Asterisk's manager port. */
    public static final int DEFAULT_PORT = 5038;
    /** How long an action waits for its reply. */
    public static final Duration DEFAULT_ACTION_TIMEOUT = Duration.ofSeconds(5);
    /** Events buffered between the socket reader and consumers. */
    public static final int DEFAULT_EVENT_QUEUE = 10_000;
    /** First pause before a reconnect attempt (doubles up to the maximum). */
    public static final Duration DEFAULT_RECONNECT_MIN = Duration.ofMillis(200);
    /** Longest pause between reconnect attempts. */
    public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(30);

    public AmiOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(actionTimeout, "actionTimeout");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        if (port < 1 || port > 65535) {
            throw new ConfigException("AMI port must be 1-65535, was " + port);
        }
        if (username.isBlank() || secret.isEmpty()) {
            throw new ConfigException("AMI needs a username and a secret (CP_AMI_URI or CP_AMI_SECRET_FILE)");
        }
        if (eventQueue < 64) {
            throw new ConfigException("CP_AMI_EVENT_QUEUE must be >= 64, was " + eventQueue);
        }
        if (actionTimeout.isNegative() || actionTimeout.isZero() || reconnectMin.compareTo(reconnectMax) > 0) {
            throw new ConfigException("AMI timeouts must be positive and reconnect min <= max");
        }
    }

    /** Settings for a given endpoint (tests, simulator) with the default timeouts. */
    public static AmiOptions of(String host, int port, String username, String secret) {
        return builder().host(host).port(port).username(username).secret(secret).build();
    }

    /** A builder with the default port and timeouts; host, username and secret must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The settings from {@code env}; empty when {@code CP_AMI_URI} is unset. A bad value names its variable. */
    public static Optional<AmiOptions> from(Env env) {
        // the tunables are checked even without AMI, so a typo never waits for the day AMI is switched on
        Duration actionTimeout = env.millis("CP_AMI_ACTION_TIMEOUT_MS", DEFAULT_ACTION_TIMEOUT, 100, 120_000);
        int eventQueue = env.intIn("CP_AMI_EVENT_QUEUE", DEFAULT_EVENT_QUEUE, 64, 10_000_000);
        Duration reconnectMax = env.millis("CP_AMI_RECONNECT_MAX_MS", DEFAULT_RECONNECT_MAX, 200, 600_000);
        Optional<String> uriText = env.string("CP_AMI_URI");
        if (uriText.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(uriText.get());
        } catch (URISyntaxException e) {
            // not e.getMessage(): it quotes the URI, secret included
            throw new ConfigException("CP_AMI_URI", "is not a valid URI");
        }
        if (!"ami".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() == null) {
            throw new ConfigException("CP_AMI_URI", "must look like ami://user:secret@host:5038");
        }
        String[] ui = uri.getRawUserInfo().split(":", 2);
        String user = URLDecoder.decode(ui[0], StandardCharsets.UTF_8);
        String secret = ui.length > 1 ? URLDecoder.decode(ui[1], StandardCharsets.UTF_8) : "";
        Optional<String> fromFile = env.secretFile("CP_AMI_SECRET_FILE");
        if (fromFile.isPresent()) {
            if (!secret.isEmpty()) {
                throw new ConfigException("set the AMI secret in CP_AMI_URI or CP_AMI_SECRET_FILE, not both");
            }
            secret = fromFile.get();
        } else if (!secret.isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(AmiOptions.class).warn("CP_AMI_URI carries the AMI secret: it is visible"
                    + " in the process environment; use ami://{}:@host and CP_AMI_SECRET_FILE instead", user);
        }
        return Optional.of(builder().host(uri.getHost()).port(uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort())
                .username(user).secret(secret)
                .actionTimeout(actionTimeout).eventQueue(eventQueue).reconnectMax(reconnectMax).build());
    }


    @Override
    public String toString() {
        return "AmiOptions[" + username + ":***@" + host + ":" + port + ", actionTimeout=" + actionTimeout.toMillis()
                + "ms, eventQueue=" + eventQueue + "]";
    }

    /** Builds {@link AmiOptions}; unset values are the {@code DEFAULT_*} constants. Not thread-safe. */
    public static final class Builder {
        private String host;
        private int port = DEFAULT_PORT;
        private String username;
        private String secret;
        private Duration actionTimeout = DEFAULT_ACTION_TIMEOUT;
        private int eventQueue = DEFAULT_EVENT_QUEUE;
        private Duration reconnectMin = DEFAULT_RECONNECT_MIN;
        private Duration reconnectMax = DEFAULT_RECONNECT_MAX;

        private Builder() {
        }

        public Builder host(String v) {
            host = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder username(String v) {
            username = v;
            return this;
        }

        public Builder secret(String v) {
            secret = v;
            return this;
        }

        public Builder actionTimeout(Duration v) {
            actionTimeout = v;
            return this;
        }

        public Builder eventQueue(int v) {
            eventQueue = v;
            return this;
        }

        public Builder reconnectMin(Duration v) {
            reconnectMin = v;
            return this;
        }

        public Builder reconnectMax(Duration v) {
            reconnectMax = v;
            return this;
        }

        /** The options; missing or bad values throw {@link ConfigException}. */
        public AmiOptions build() {
            return new AmiOptions(host, port, username, secret, actionTimeout, eventQueue, reconnectMin, reconnectMax);
        }
    }
}
