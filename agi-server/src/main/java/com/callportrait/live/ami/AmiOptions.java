package com.callportrait.live.ami;

import com.callportrait.common.config.ConfigException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Connection settings of the AMI client. Immutable; {@link #toString()} masks the secret.
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

    public AmiOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
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
        return new AmiOptions(host, port, username, secret, Duration.ofSeconds(5), 10_000,
                Duration.ofMillis(200), Duration.ofSeconds(30));
    }

    /** The settings from the environment; empty when {@code CP_AMI_URI} is unset. */
    public static Optional<AmiOptions> fromEnv(Map<String, String> env) {
        String uriText = env.get("CP_AMI_URI");
        if (uriText == null || uriText.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(uriText.trim());
        } catch (URISyntaxException e) {
            throw new ConfigException("CP_AMI_URI is not a valid URI");
        }
        if (!"ami".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() == null) {
            throw new ConfigException("CP_AMI_URI must look like ami://user:secret@host:5038");
        }
        String[] ui = uri.getRawUserInfo().split(":", 2);
        String user = URLDecoder.decode(ui[0], StandardCharsets.UTF_8);
        String secret = ui.length > 1 ? URLDecoder.decode(ui[1], StandardCharsets.UTF_8) : "";
        String file = env.get("CP_AMI_SECRET_FILE");
        if (file != null && !file.isBlank()) {
            if (!secret.isEmpty()) {
                throw new ConfigException("set the AMI secret in CP_AMI_URI or CP_AMI_SECRET_FILE, not both");
            }
            secret = readSecret(Path.of(file.trim()));
        } else if (!secret.isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(AmiOptions.class).warn("CP_AMI_URI carries the AMI secret: it is visible"
                    + " in the process environment; use ami://{}:@host and CP_AMI_SECRET_FILE instead", user);
        }
        return Optional.of(new AmiOptions(uri.getHost(), uri.getPort() < 0 ? 5038 : uri.getPort(), user, secret,
                Duration.ofMillis(longIn(env, "CP_AMI_ACTION_TIMEOUT_MS", 5000, 100, 120_000)),
                (int) longIn(env, "CP_AMI_EVENT_QUEUE", 10_000, 64, 10_000_000),
                Duration.ofMillis(200),
                Duration.ofMillis(longIn(env, "CP_AMI_RECONNECT_MAX_MS", 30_000, 200, 600_000))));
    }

    private static String readSecret(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            if (s.isEmpty()) {
                throw new ConfigException("CP_AMI_SECRET_FILE " + file + " is empty");
            }
            return s;
        } catch (IOException e) {
            throw new ConfigException("CP_AMI_SECRET_FILE " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static long longIn(Map<String, String> env, String name, long dflt, long min, long max) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < min || n > max) {
                throw new ConfigException(name + " must be in " + min + ".." + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a number, was '" + v + "'");
        }
    }

    @Override
    public String toString() {
        return "AmiOptions[" + username + ":***@" + host + ":" + port + ", actionTimeout=" + actionTimeout.toMillis()
                + "ms, eventQueue=" + eventQueue + "]";
    }
}
