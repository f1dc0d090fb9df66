package com.callportrait.server;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.net.SourceAllowList;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.redis.RedisOptions;
import com.callportrait.route.SetMode;
import com.callportrait.speech.SpeechException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every setting of the application, read once from the environment at start-up and validated
 * then: a bad value stops start-up with an {@link ConfigException} naming the variable, never a
 * silent default. Immutable and thread-safe.
 *
 * <table>
 * <caption>Environment variables</caption>
 * <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 * <tr><td>CP_BIND_ADDRESS</td><td>0.0.0.0</td><td>address every server listens on</td></tr>
 * <tr><td>CP_AGI_PORT</td><td>4573</td><td>FastAGI</td></tr>
 * <tr><td>CP_AUDIOSOCKET_PORT</td><td>9092</td><td>AudioSocket</td></tr>
 * <tr><td>CP_HTTP_PORT</td><td>8080</td><td>health, metrics, API</td></tr>
 * <tr><td>CP_REDIS_URI</td><td>(unset: embedded Redis)</td><td>redis://, rediss:// or a comma list; the other
 *     CP_REDIS_* settings (timeouts, TLS, password file) are the profiler's {@link RedisOptions}</td></tr>
 * <tr><td>CP_REDIS_EMBEDDED_PORT</td><td>6379</td><td>port of the embedded Redis (127.0.0.1 only)</td></tr>
 * <tr><td>CP_REDIS_DATA_DIR</td><td>CP_DATA_DIR/redis</td><td>embedded Redis data (AOF)</td></tr>
 * <tr><td>CP_PHONE_*</td><td>NANP</td><td>phone normalisation ({@link PhoneOptions})</td></tr>
 * <tr><td>CP_AMI_URI</td><td>(unset: no AMI)</td><td>ami://user:secret@host:5038</td></tr>
 * <tr><td>CP_ROUTING_RULES</td><td>(bundled rules)</td><td>YAML rules file, reloaded on change</td></tr>
 * <tr><td>CP_ROUTE_BUDGET_MS</td><td>150</td><td>profile lookup budget before default routing</td></tr>
 * <tr><td>CP_AGI_IDLE_TIMEOUT_MS</td><td>10000</td><td>silence allowed from Asterisk within a session</td></tr>
 * <tr><td>CP_AGI_SET_MODE</td><td>mset</td><td>mset: one EXEC MSet round trip; set: one SET VARIABLE each</td></tr>
 * <tr><td>CP_EVENTS_MAXLEN</td><td>100000</td><td>approximate length cap of the cp:events stream</td></tr>
 * <tr><td>CP_EVENTS_BUFFER</td><td>10000</td><td>events held in memory while Redis is slow or down</td></tr>
 * <tr><td>CP_SHUTDOWN_GRACE_MS</td><td>10000</td><td>time live sessions get to finish on SIGTERM</td></tr>
 * <tr><td>CP_DATA_DIR</td><td>./data</td><td>embedded Redis data and other local state</td></tr>
 * <tr><td>CP_LOG_FORMAT</td><td>text</td><td>text or json (read by logback.xml too)</td></tr>
 * <tr><td>CP_AGI_ALLOW</td><td>(unset: any address, WARN at start-up)</td><td>comma list of IPv4/IPv6
 *     addresses and CIDR blocks allowed to open FastAGI sessions</td></tr>
 * </table>
 */
public record AppOptions(
        String bindAddress,
        int agiPort,
        int audioSocketPort,
        int httpPort,
        Optional<RedisOptions> redis,
        int embeddedRedisPort,
        Path embeddedRedisDataDir,
        PhoneOptions phones,
        Optional<URI> amiUri,
        Optional<Path> routingRules,
        Duration routeBudget,
        Duration agiIdleTimeout,
        SetMode agiSetMode,
        long eventsMaxLen,
        int eventsBuffer,
        Duration shutdownGrace,
        Path dataDir,
        LogFormat logFormat,
        SourceAllowList agiAllow) {

    /** Log output format. */
    public enum LogFormat { TEXT, JSON }

    public AppOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(embeddedRedisDataDir, "embeddedRedisDataDir");
        Objects.requireNonNull(phones, "phones");
        Objects.requireNonNull(amiUri, "amiUri");
        Objects.requireNonNull(routingRules, "routingRules");
        Objects.requireNonNull(routeBudget, "routeBudget");
        Objects.requireNonNull(agiIdleTimeout, "agiIdleTimeout");
        Objects.requireNonNull(agiSetMode, "agiSetMode");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(agiAllow, "agiAllow");
        if (agiPort != 0 && (agiPort == httpPort || agiPort == audioSocketPort)
                || httpPort != 0 && httpPort == audioSocketPort) {
            throw new ConfigException("CP_AGI_PORT, CP_AUDIOSOCKET_PORT and CP_HTTP_PORT must differ (got "
                    + agiPort + ", " + audioSocketPort + ", " + httpPort + ")");
        }
    }

    /** The options from the process environment. */
    public static AppOptions fromEnvironment() {
        return fromEnv(System.getenv());
    }

    /** The options from the given variables; unset or blank variables take their default. */
    public static AppOptions fromEnv(Map<String, String> env) {
        EnvReader r = new EnvReader(env);
        r.optional("CP_REDIS_URI").ifPresent(v -> redisUri("CP_REDIS_URI", v));
        Optional<RedisOptions> redis;
        PhoneOptions phones;
        try {
            redis = RedisOptions.from(com.callportrait.common.config.Env.of(env));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        try {
            phones = PhoneOptions.from(com.callportrait.common.config.Env.of(env));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        Path dataDir = path("CP_DATA_DIR", r.optional("CP_DATA_DIR").orElse("./data"));
        return new AppOptions(
                r.bindAddress("CP_BIND_ADDRESS", "0.0.0.0"),
                r.port("CP_AGI_PORT", 4573),
                r.port("CP_AUDIOSOCKET_PORT", 9092),
                r.port("CP_HTTP_PORT", 8080),
                redis,
                r.port("CP_REDIS_EMBEDDED_PORT", 6379),
                r.optional("CP_REDIS_DATA_DIR").map(v -> path("CP_REDIS_DATA_DIR", v)).orElse(dataDir.resolve("redis")),
                phones,
                r.optional("CP_AMI_URI").map(v -> amiUri("CP_AMI_URI", v)),
                r.optional("CP_ROUTING_RULES").map(v -> existingFile("CP_ROUTING_RULES", v)),
                Duration.ofMillis(r.longIn("CP_ROUTE_BUDGET_MS", 150, 1, 10_000)),
                Duration.ofMillis(r.longIn("CP_AGI_IDLE_TIMEOUT_MS", 10_000, 100, 600_000)),
                r.oneOf("CP_AGI_SET_MODE", SetMode.MSET, SetMode.class),
                r.longIn("CP_EVENTS_MAXLEN", 100_000, 100, 1_000_000_000L),
                (int) r.longIn("CP_EVENTS_BUFFER", 10_000, 10, 10_000_000),
                Duration.ofMillis(r.longIn("CP_SHUTDOWN_GRACE_MS", 10_000, 0, 600_000)),
                dataDir,
                r.oneOf("CP_LOG_FORMAT", LogFormat.TEXT, LogFormat.class),
                allowList(env, "CP_AGI_ALLOW"));
    }

    /** A copy listening on the given ports (0 = any free port); used by demo, bench and tests. */
    public AppOptions withPorts(int agi, int audioSocket, int http) {
        return new AppOptions(bindAddress, agi, audioSocket, http, redis, embeddedRedisPort, embeddedRedisDataDir,
                phones, amiUri, routingRules, routeBudget, agiIdleTimeout, agiSetMode, eventsMaxLen, eventsBuffer,
                shutdownGrace, dataDir, logFormat, agiAllow);
    }

    /** A copy with another Redis (empty = embedded) and embedded port (0 = any free port). */
    public AppOptions withRedis(Optional<RedisOptions> r, int embeddedPort) {
        return new AppOptions(bindAddress, agiPort, audioSocketPort, httpPort, r, embeddedPort, embeddedRedisDataDir,
                phones, amiUri, routingRules, routeBudget, agiIdleTimeout, agiSetMode, eventsMaxLen, eventsBuffer,
                shutdownGrace, dataDir, logFormat, agiAllow);
    }

    /** A copy with another set mode. */
    public AppOptions withSetMode(SetMode mode) {
        return new AppOptions(bindAddress, agiPort, audioSocketPort, httpPort, redis, embeddedRedisPort,
                embeddedRedisDataDir, phones, amiUri, routingRules, routeBudget, agiIdleTimeout, mode, eventsMaxLen,
                eventsBuffer, shutdownGrace, dataDir, logFormat, agiAllow);
    }

    /** A copy with another route budget. */
    public AppOptions withRouteBudget(Duration budget) {
        return new AppOptions(bindAddress, agiPort, audioSocketPort, httpPort, redis, embeddedRedisPort,
                embeddedRedisDataDir, phones, amiUri, routingRules, budget, agiIdleTimeout, agiSetMode, eventsMaxLen,
                eventsBuffer, shutdownGrace, dataDir, logFormat, agiAllow);
    }

    /** A copy keeping embedded Redis data in another directory. */
    public AppOptions withEmbeddedRedisDataDir(Path dir) {
        return new AppOptions(bindAddress, agiPort, audioSocketPort, httpPort, redis, embeddedRedisPort, dir, phones,
                amiUri, routingRules, routeBudget, agiIdleTimeout, agiSetMode, eventsMaxLen, eventsBuffer,
                shutdownGrace, dataDir, logFormat, agiAllow);
    }

    /** A copy accepting FastAGI connections only from {@code allow}. */
    public AppOptions withAgiAllow(SourceAllowList allow) {
        return new AppOptions(bindAddress, agiPort, audioSocketPort, httpPort, redis, embeddedRedisPort,
                embeddedRedisDataDir, phones, amiUri, routingRules, routeBudget, agiIdleTimeout, agiSetMode, eventsMaxLen,
                eventsBuffer, shutdownGrace, dataDir, logFormat, allow);
    }

    private static SourceAllowList allowList(Map<String, String> env, String name) {
        try {
            return SourceAllowList.fromEnv(env, name);
        } catch (SpeechException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** Secrets masked: safe to log. */
    @Override
    public String toString() {
        return "AppOptions[bind=" + bindAddress + ", agiPort=" + agiPort + ", audioSocketPort=" + audioSocketPort
                + ", httpPort=" + httpPort + ", redis=" + redis.map(RedisOptions::describe).orElse("embedded")
                + ", ami=" + amiUri.map(u -> mask(u.toString())).orElse("off")
                + ", rules=" + routingRules.map(Path::toString).orElse("bundled")
                + ", routeBudget=" + routeBudget.toMillis() + "ms, setMode=" + agiSetMode
                + ", dataDir=" + dataDir + ", log=" + logFormat + ", agiAllow=" + agiAllow + "]";
    }

    /** Replaces the password part of {@code scheme://user:secret@host} with {@code ***}. */
    static String mask(String uri) {
        return uri.replaceAll("(://[^:/@]*:)[^@]*@", "$1***@");
    }

    private static String redisUri(String name, String value) {
        for (String part : value.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (!(p.startsWith("redis://") || p.startsWith("rediss://") || p.startsWith("redis-sentinel://"))) {
                throw new ConfigException(name + " must be redis://host:port, rediss://host:port or a comma list of"
                        + " them, got '" + mask(value) + "'");
            }
        }
        return value.trim();
    }

    private static URI amiUri(String name, String value) {
        try {
            URI uri = new URI(value.trim());
            if (!"ami".equals(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() == null
                    || !uri.getUserInfo().contains(":")) {
                throw new ConfigException(name + " must look like ami://user:secret@host:5038, got '"
                        + mask(value) + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(name + " is not a valid URI: " + mask(value));
        }
    }

    private static Path existingFile(String name, String value) {
        Path p = path(name, value);
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new ConfigException(name + " names '" + value + "', which is not a readable file");
        }
        return p;
    }

    private static Path path(String name, String value) {
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw new ConfigException(name + " is not a valid path: '" + value + "'");
        }
    }
}
