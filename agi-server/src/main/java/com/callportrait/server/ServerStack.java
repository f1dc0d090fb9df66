package com.callportrait.server;

import com.callportrait.route.fastagi.AgiLimits;
import com.callportrait.route.fastagi.AgiMetrics;
import com.callportrait.route.fastagi.AgiScripts;
import com.callportrait.route.fastagi.AgiServer;
import com.callportrait.events.EventWriter;
import com.callportrait.live.LiveOptions;
import com.callportrait.live.LiveStack;
import com.callportrait.events.RedisStreamSink;
import com.callportrait.server.health.AgiCheck;
import com.callportrait.server.health.AmiCheck;
import com.callportrait.server.health.BacklogCheck;
import com.callportrait.server.health.HealthMonitor;
import com.callportrait.server.health.RedisCheck;
import com.callportrait.server.health.SpeechCheck;
import com.callportrait.server.http.HealthEndpoint;
import com.callportrait.server.http.HttpReply;
import com.callportrait.server.http.HttpServer;
import com.callportrait.server.http.ProfileEndpoint;
import com.callportrait.server.http.Router;
import com.callportrait.profile.ProfileStore;
import com.callportrait.route.RouteMetrics;
import com.callportrait.route.RouteScript;
import com.callportrait.route.RulesSource;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running application: routing rules, event writer, FastAGI server and HTTP server on one
 * Redis. This is where a new AGI script ({@code survey}, issue 5), HTTP route ({@code /agent/...})
 * or health check (AMI, Vosk) is registered. Lifecycle: {@link #start}, then {@link #close()}:
 * stop accepting calls, let live AGI sessions finish (CP_SHUTDOWN_GRACE_MS), stop HTTP, flush
 * events. The Redis backend belongs to the caller and is closed after this. Thread-safe.
 */
public final class ServerStack implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServerStack.class);
    /** Health thresholds (docs/agi.md, README runbook): evaluation every second over a 5 s window. */
    static final Duration HEALTH_INTERVAL = Duration.ofSeconds(1);
    static final int HEALTH_WINDOW = 5;
    static final long REDIS_SLOW_MS = 100;
    static final long SPEECH_LAG_MS = 1000;

    private final AppOptions options;
    private final RulesSource rules;
    private final EventWriter events;
    private final AgiServer agi;
    private final HttpServer http;
    private final LiveStack live;
    private final HealthMonitor health;
    private final SpeechStack.Settings speechSettings;
    private volatile java.util.Optional<SpeechStack> speech = java.util.Optional.empty();

    private com.callportrait.records.ProfileFreshness fresh;
    private InetSocketAddress agiAddress;
    private InetSocketAddress httpAddress;

    private ServerStack(AppOptions options, LiveOptions liveOptions, SpeechStack.Settings speechSettings,
                        RedisBackend redis, Telemetry telemetry) {
        this.options = options;
        this.speechSettings = speechSettings;
        var registry = telemetry.registry();
        this.rules = options.routingRules().map(p -> RulesSource.watching(p, Duration.ofSeconds(1)))
                .orElseGet(RulesSource::bundled);
        this.events = EventWriter.create(RedisStreamSink.create(redis.connector().async(), options.eventsMaxLen()),
                options.eventsBuffer(), registry).start();
        ProfileStore store = redis.store();
        this.live = LiveStack.create(liveOptions, events, registry, java.time.Clock.systemUTC());
        AgiScripts scripts = AgiScripts.builder()
                .add("route", RouteScript.create(store, rules, events, new RouteMetrics(registry),
                        options.routeBudget(), options.agiSetMode(), options.phones()).onRouted(live.routeListener()))
                .add("survey", live.surveyScript())
                .build();
        AgiMetrics agiMetrics = new AgiMetrics(registry);
        this.agi = AgiServer.create(scripts, agiMetrics, AgiLimits.DEFAULT, options.agiIdleTimeout(), 0,
                options.agiAllow(), registry);
        io.micrometer.core.instrument.Gauge.builder("cp.netty.pending.tasks", agi, AgiServer::pendingTasks)
                .tag("loop", "agi").description("tasks waiting on the event loops (they should stay near 0)")
                .register(registry);
        this.health = HealthMonitor.create(List.of(new AgiCheck(agi), new RedisCheck(store, REDIS_SLOW_MS),
                        new BacklogCheck(registry, options.eventsBuffer(), HEALTH_WINDOW),
                        new AmiCheck(live.amiClient(), HEALTH_WINDOW),
                        new SpeechCheck(() -> speech.map(SpeechStack::engine), SPEECH_LAG_MS, HEALTH_WINDOW)),
                HEALTH_INTERVAL, Duration.ofSeconds(1), java.time.Clock.systemUTC(), registry);
        HealthEndpoint healthEndpoint = new HealthEndpoint(health, this::healthInfo, Duration.ofSeconds(10));
        Router router = Router.builder()
                .get("/health", healthEndpoint.full())
                .get("/health/ready", healthEndpoint.ready())
                .get("/health/live", healthEndpoint.live())
                .get("/metrics", call -> CompletableFuture.completedFuture(new HttpReply(200,
                        "text/plain; version=0.0.4; charset=utf-8",
                        telemetry.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .get("/api/profiles/{phone}", new ProfileEndpoint(store))
                .build();
        this.http = HttpServer.create(router, List.of(live.httpHandler()));
        io.micrometer.core.instrument.Gauge.builder("cp.netty.pending.tasks", http, HttpServer::pendingTasks)
                .tag("loop", "http").description("tasks waiting on the event loops (they should stay near 0)")
                .register(registry);
    }

    /** Builds and starts everything from {@code settings}; on failure, whatever started is stopped again. */
    public static ServerStack start(Settings settings, RedisBackend redis, Telemetry telemetry)
            throws InterruptedException {
        AppOptions options = settings.app();
        ServerStack s = new ServerStack(options, settings.live(), settings.speech(), redis, telemetry);
        warmUp(redis.store());
        try {
            s.live.start();
            // The model loads here, before any port opens: a call is never taken without speech.
            s.speech = SpeechStack.start(s.speechSettings, options, s.live, s.events, telemetry.registry());
            s.fresh = s.startFreshness(settings, redis, telemetry);
            s.httpAddress = s.http.start(options.bindAddress(), options.httpPort());
            s.agiAddress = s.agi.start(options.bindAddress(), options.agiPort());
            s.health.start();
        } catch (InterruptedException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** As {@link #start(Settings, RedisBackend, Telemetry)} with {@code options} and every other module's defaults. */
    public static ServerStack start(AppOptions options, RedisBackend redis, Telemetry telemetry)
            throws InterruptedException {
        return start(Settings.of(options), redis, telemetry);
    }

    /** As above with the given live settings (demo, simulator). */
    public static ServerStack start(AppOptions options, LiveOptions live, RedisBackend redis, Telemetry telemetry)
            throws InterruptedException {
        return start(Settings.of(options).withLive(live), redis, telemetry);
    }

    /** As above with the given speech settings ({@link SpeechStack.Settings#off()} for no speech). */
    public static ServerStack start(AppOptions options, LiveOptions live, SpeechStack.Settings speech,
                                    RedisBackend redis, Telemetry telemetry) throws InterruptedException {
        return start(Settings.of(options).withLive(live).withSpeech(speech), redis, telemetry);
    }

    /** Portraits kept fresh after each call (CP_FRESH, default on), on threads of their own. */
    private com.callportrait.records.ProfileFreshness startFreshness(Settings settings, RedisBackend redis,
                                                                   Telemetry telemetry) {
        var fo = settings.fresh();
        return fo.enabled() ? com.callportrait.records.ProfileFreshness.start(fo,
                settings.spool(), redis.connector(), redis.store(),
                live.calls(), live.feedback(), settings.app().dataDir().resolve("models"), telemetry.registry(),
                java.time.Clock.systemUTC()) : null;
    }

    /**
     * One lookup before taking calls: loads the lookup script into Redis and warms the classes on
     * the path, so the first real caller is not routed on defaults because of a cold start.
     */
    private static void warmUp(ProfileStore store) {
        try {
            store.findByPhone("5550000000").toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("warm-up lookup failed ({}); calls will be routed on defaults until Redis answers", e.toString());
        }
    }

    private Map<String, Object> healthInfo() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agi_sessions", agi.activeSessions());
        m.put("routing_rules", rules.origin());
        m.put("events_queued", events.queued());
        m.put("events_dropped", events.droppedCount());
        m.put("live_calls", live.calls().size());
        speech.ifPresent(sp -> m.put("speech", sp.health()));
        return m;
    }

    public InetSocketAddress agiAddress() {
        return agiAddress;
    }

    public InetSocketAddress httpAddress() {
        return httpAddress;
    }

    /** Live call state, AMI, screen pops (issue 5). */
    public LiveStack live() {
        return live;
    }

    /** The speech engine and AudioSocket server; empty when CP_SPEECH=off. */
    public java.util.Optional<SpeechStack> speech() {
        return speech;
    }

    /** The health monitor behind {@code /health}. */
    public HealthMonitor health() {
        return health;
    }

    public EventWriter events() {
        return events;
    }

    /** Portraits kept fresh from interaction records; empty when CP_FRESH=off. */
    public java.util.Optional<com.callportrait.records.ProfileFreshness> freshness() {
        return java.util.Optional.ofNullable(fresh);
    }

    @Override
    public void close() {
        log.info("shutting down: no new calls; waiting up to {} ms for {} live AGI sessions",
                options.shutdownGrace().toMillis(), agi.activeSessions());
        health.drain(); // /health and /health/ready answer 503 while live sessions finish
        agi.close(options.shutdownGrace());
        // Before the event writer: closing finalises open calls, whose last utterance is written.
        speech.ifPresent(SpeechStack::close);
        http.close();
        live.close();
        if (fresh != null) {
            fresh.close(); // appends what ended calls left queued
        }
        events.close(Duration.ofSeconds(5));
        health.close();
        rules.close();
        log.info("stopped ({} events written, {} dropped)", events.writtenCount(), events.droppedCount());
    }
}
