package com.callportrait.server;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import com.callportrait.common.net.SourceAllowList;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.redis.RedisOptions;
import com.callportrait.route.SetMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The application's own settings: where it listens, Redis, phone numbers, routing, events, shutdown,
 * the data directory and logging. The other modules' settings sit beside these in {@link Settings}.
 * Built once at start-up by {@link #from(Env)} and validated then: a bad value stops start-up with a
 * {@link ConfigException} naming the variable, never a silent default. {@link #builder()} gives the
 * same defaults (the {@code DEFAULT_*} constants) to tests and embedded use. Immutable and thread-safe.
 *
 * <table>
 * <caption>Environment variables</caption>
 * <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 * <tr><td>CP_BIND_ADDRESS</td><td>0.0.0.0</td><td>address every server listens on</td></tr>
 * <tr><td>CP_AGI_PORT</td><td>4573</td><td>FastAGI</td></tr>
 * <tr><td>CP_AUDIOSOCKET_PORT</td><td>9092</td><td>AudioSocket (the speech server's other settings are
 *     its own {@code AudioSocketOptions})</td></tr>
 * <tr><td>CP_HTTP_PORT</td><td>8080</td><td>health, metrics, API</td></tr>
 * <tr><td>CP_REDIS_URI</td><td>(unset: embedded Redis)</td><td>redis://, rediss:// or a comma list; it and the
 *     other CP_REDIS_* settings (timeouts, TLS, password file) are the profiler's {@link RedisOptions}</td></tr>
 * <tr><td>CP_REDIS_EMBEDDED_PORT</td><td>6379</td><td>port of the embedded Redis (127.0.0.1 only)</td></tr>
 * <tr><td>CP_REDIS_DATA_DIR</td><td>CP_DATA_DIR/redis</td><td>embedded Redis data (AOF)</td></tr>
 * <tr><td>CP_PHONE_*</td><td>region US (NANP)</td><td>phone normalisation ({@link PhoneOptions}, {@code CP_PHONE_REGION})</td></tr>
 * <tr><td>CP_ROUTING_RULES</td><td>(bundled rules)</td><td>YAML rules file, reloaded on change</td></tr>
 * <tr><td>CP_ROUTE_BUDGET_MS</td><td>150</td><td>profile lookup budget before default routing</td></tr>
 * <tr><td>CP_AGI_IDLE_TIMEOUT_MS</td><td>10000</td><td>silence allowed from Asterisk within a session</td></tr>
 * <tr><td>CP_AGI_SET_MODE</td><td>mset</td><td>mset: one EXEC MSet round trip; set: one SET VARIABLE each</td></tr>
 * <tr><td>CP_EVENTS_MAXLEN</td><td>100000</td><td>approximate length cap of the cp:events stream</td></tr>
 * <tr><td>CP_EVENTS_BUFFER</td><td>10000</td><td>events held in memory while Redis is slow or down</td></tr>
 * <tr><td>CP_SHUTDOWN_GRACE_MS</td><td>10000</td><td>time live sessions get to finish on SIGTERM</td></tr>
 * <tr><td>CP_DATA_DIR</td><td>./data</td><td>embedded Redis data, the spool, models and other local state
 *     ({@link Env#dataDir()})</td></tr>
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

    public static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";
    public static final int DEFAULT_AGI_PORT = 4573;
    public static final int DEFAULT_AUDIOSOCKET_PORT = 9092;
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_EMBEDDED_REDIS_PORT = 6379;
    /** The embedded Redis keeps its data here, below the data directory. */
    public static final String REDIS_UNDER_DATA_DIR = "redis";
    public static final Duration DEFAULT_ROUTE_BUDGET = Duration.ofMillis(150);
    public static final Duration DEFAULT_AGI_IDLE_TIMEOUT = Duration.ofSeconds(10);
    public static final SetMode DEFAULT_AGI_SET_MODE = SetMode.MSET;
    public static final long DEFAULT_EVENTS_MAXLEN = 100_000;
    public static final int DEFAULT_EVENTS_BUFFER = 10_000;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    public static final LogFormat DEFAULT_LOG_FORMAT = LogFormat.TEXT;

    public AppOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(embeddedRedisDataDir, "embeddedRedisDataDir");
        Objects.requireNonNull(phones, "phones");
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

    /** A builder with every default; the embedded Redis data dir follows the data dir unless set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The options from {@code env}; unset or blank variables take their default, a bad one names itself. */
    public static AppOptions from(Env env) {
        Path dataDir = env.dataDir();
        return builder()
                .bindAddress(env.bindAddress("CP_BIND_ADDRESS", DEFAULT_BIND_ADDRESS))
                .ports(env.port("CP_AGI_PORT", DEFAULT_AGI_PORT), env.port("CP_AUDIOSOCKET_PORT", DEFAULT_AUDIOSOCKET_PORT),
                        env.port("CP_HTTP_PORT", DEFAULT_HTTP_PORT))
                .redis(RedisOptions.from(env))
                .embeddedRedisPort(env.port("CP_REDIS_EMBEDDED_PORT", DEFAULT_EMBEDDED_REDIS_PORT))
                .dataDir(dataDir)
                .embeddedRedisDataDir(env.path("CP_REDIS_DATA_DIR", dataDir.resolve(REDIS_UNDER_DATA_DIR)))
                .phones(PhoneOptions.from(env))
                .routingRules(readableFile(env, "CP_ROUTING_RULES"))
                .routeBudget(env.millis("CP_ROUTE_BUDGET_MS", DEFAULT_ROUTE_BUDGET, 1, 10_000))
                .agiIdleTimeout(env.millis("CP_AGI_IDLE_TIMEOUT_MS", DEFAULT_AGI_IDLE_TIMEOUT, 100, 600_000))
                .agiSetMode(env.oneOf("CP_AGI_SET_MODE", DEFAULT_AGI_SET_MODE, SetMode.class))
                .eventsMaxLen(env.longIn("CP_EVENTS_MAXLEN", DEFAULT_EVENTS_MAXLEN, 100, 1_000_000_000L))
                .eventsBuffer(env.intIn("CP_EVENTS_BUFFER", DEFAULT_EVENTS_BUFFER, 10, 10_000_000))
                .shutdownGrace(env.millis("CP_SHUTDOWN_GRACE_MS", DEFAULT_SHUTDOWN_GRACE, 0, 600_000))
                .logFormat(env.oneOf("CP_LOG_FORMAT", DEFAULT_LOG_FORMAT, LogFormat.class))
                .agiAllow(SourceAllowList.from(env, "CP_AGI_ALLOW"))
                .build();
    }


    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy listening on the given ports (0 = any free port); used by demo, bench and tests. */
    public AppOptions withPorts(int agi, int audioSocket, int http) {
        return toBuilder().ports(agi, audioSocket, http).build();
    }

    /** A copy with another Redis (empty = embedded) and embedded port (0 = any free port). */
    public AppOptions withRedis(Optional<RedisOptions> r, int embeddedPort) {
        return toBuilder().redis(r).embeddedRedisPort(embeddedPort).build();
    }

    /** A copy with another set mode. */
    public AppOptions withSetMode(SetMode mode) {
        return toBuilder().agiSetMode(mode).build();
    }

    /** A copy with another route budget. */
    public AppOptions withRouteBudget(Duration budget) {
        return toBuilder().routeBudget(budget).build();
    }

    /** A copy keeping embedded Redis data in another directory. */
    public AppOptions withEmbeddedRedisDataDir(Path dir) {
        return toBuilder().embeddedRedisDataDir(dir).build();
    }

    /**
     * A copy keeping all local state under {@code dir} (embedded Redis in {@code dir/redis}, and, for
     * settings derived from these options, the spool and models): a run of its own that never reads
     * or replays another run's state (tests, soak, benchmarks).
     */
    public AppOptions withDataDir(Path dir) {
        return toBuilder().dataDir(dir).embeddedRedisDataDir(dir.resolve(REDIS_UNDER_DATA_DIR)).build();
    }

    /** A copy accepting FastAGI connections only from {@code allow}. */
    public AppOptions withAgiAllow(SourceAllowList allow) {
        return toBuilder().agiAllow(allow).build();
    }

    /** Secrets masked: safe to log. */
    @Override
    public String toString() {
        return "AppOptions[bind=" + bindAddress + ", agiPort=" + agiPort + ", audioSocketPort=" + audioSocketPort
                + ", httpPort=" + httpPort + ", redis=" + redis.map(RedisOptions::describe).orElse("embedded")
                + ", rules=" + routingRules.map(Path::toString).orElse("bundled")
                + ", routeBudget=" + routeBudget.toMillis() + "ms, setMode=" + agiSetMode
                + ", dataDir=" + dataDir + ", log=" + logFormat + ", agiAllow=" + agiAllow + "]";
    }

    /** Replaces the password part of {@code scheme://user:secret@host} with {@code ***}. */
    static String mask(String uri) {
        return uri.replaceAll("(://[^:/@]*:)[^@]*@", "$1***@");
    }

    private static Optional<Path> readableFile(Env env, String name) {
        Optional<Path> p = env.path(name);
        if (p.isPresent() && (!Files.isRegularFile(p.get()) || !Files.isReadable(p.get()))) {
            throw new ConfigException(name, "names '" + p.get() + "', which is not a readable file");
        }
        return p;
    }

    /** Builds {@link AppOptions}; unset values are the {@code DEFAULT_*} constants. Not thread-safe. */
    public static final class Builder {
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private int agiPort = DEFAULT_AGI_PORT;
        private int audioSocketPort = DEFAULT_AUDIOSOCKET_PORT;
        private int httpPort = DEFAULT_HTTP_PORT;
        private Optional<RedisOptions> redis = Optional.empty();
        private int embeddedRedisPort = DEFAULT_EMBEDDED_REDIS_PORT;
        private Path embeddedRedisDataDir;
        private PhoneOptions phones = PhoneOptions.DEFAULT;
        private Optional<Path> routingRules = Optional.empty();
        private Duration routeBudget = DEFAULT_ROUTE_BUDGET;
        private Duration agiIdleTimeout = DEFAULT_AGI_IDLE_TIMEOUT;
        private SetMode agiSetMode = DEFAULT_AGI_SET_MODE;
        private long eventsMaxLen = DEFAULT_EVENTS_MAXLEN;
        private int eventsBuffer = DEFAULT_EVENTS_BUFFER;
        private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
        private Path dataDir = Env.DEFAULT_DATA_DIR;
        private LogFormat logFormat = DEFAULT_LOG_FORMAT;
        private SourceAllowList agiAllow = SourceAllowList.any();

        private Builder() {
        }

        private Builder(AppOptions o) {
            bindAddress = o.bindAddress;
            agiPort = o.agiPort;
            audioSocketPort = o.audioSocketPort;
            httpPort = o.httpPort;
            redis = o.redis;
            embeddedRedisPort = o.embeddedRedisPort;
            embeddedRedisDataDir = o.embeddedRedisDataDir;
            phones = o.phones;
            routingRules = o.routingRules;
            routeBudget = o.routeBudget;
            agiIdleTimeout = o.agiIdleTimeout;
            agiSetMode = o.agiSetMode;
            eventsMaxLen = o.eventsMaxLen;
            eventsBuffer = o.eventsBuffer;
            shutdownGrace = o.shutdownGrace;
            dataDir = o.dataDir;
            logFormat = o.logFormat;
            agiAllow = o.agiAllow;
        }

        public Builder bindAddress(String v) {
            bindAddress = v;
            return this;
        }

        /** FastAGI, AudioSocket and HTTP ports (0 = any free port); they must differ. */
        public Builder ports(int agi, int audioSocket, int http) {
            agiPort = agi;
            audioSocketPort = audioSocket;
            httpPort = http;
            return this;
        }

        public Builder redis(Optional<RedisOptions> v) {
            redis = v;
            return this;
        }

        public Builder embeddedRedisPort(int v) {
            embeddedRedisPort = v;
            return this;
        }

        /** Where the embedded Redis keeps its data; unset = {@code <dataDir>/redis}. */
        public Builder embeddedRedisDataDir(Path v) {
            embeddedRedisDataDir = v;
            return this;
        }

        public Builder phones(PhoneOptions v) {
            phones = v;
            return this;
        }

        public Builder routingRules(Optional<Path> v) {
            routingRules = v;
            return this;
        }

        public Builder routeBudget(Duration v) {
            routeBudget = v;
            return this;
        }

        public Builder agiIdleTimeout(Duration v) {
            agiIdleTimeout = v;
            return this;
        }

        public Builder agiSetMode(SetMode v) {
            agiSetMode = v;
            return this;
        }

        public Builder eventsMaxLen(long v) {
            eventsMaxLen = v;
            return this;
        }

        public Builder eventsBuffer(int v) {
            eventsBuffer = v;
            return this;
        }

        public Builder shutdownGrace(Duration v) {
            shutdownGrace = v;
            return this;
        }

        public Builder dataDir(Path v) {
            dataDir = v;
            return this;
        }

        public Builder logFormat(LogFormat v) {
            logFormat = v;
            return this;
        }

        public Builder agiAllow(SourceAllowList v) {
            agiAllow = v;
            return this;
        }

        public AppOptions build() {
            return new AppOptions(bindAddress, agiPort, audioSocketPort, httpPort, redis, embeddedRedisPort,
                    embeddedRedisDataDir != null ? embeddedRedisDataDir : dataDir.resolve(REDIS_UNDER_DATA_DIR), phones,
                    routingRules, routeBudget, agiIdleTimeout, agiSetMode, eventsMaxLen, eventsBuffer, shutdownGrace,
                    dataDir, logFormat, agiAllow);
        }
    }
}
