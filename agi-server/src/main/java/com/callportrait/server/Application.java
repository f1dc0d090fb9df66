package com.callportrait.server;

import com.callportrait.common.config.ReloadingFile;
import com.callportrait.events.EventWriter;
import com.callportrait.events.RedisStreamSink;
import com.callportrait.live.LiveCalls;
import com.callportrait.live.LiveOptions;
import com.callportrait.live.RedisActionClaims;
import com.callportrait.live.TokenService;
import com.callportrait.live.calls.CallRegistry;
import com.callportrait.portrait.semantic.TopicClassifier;
import com.callportrait.profile.PhoneNumbers;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.ProfileStore;
import com.callportrait.records.FreshOptions;
import com.callportrait.records.InsightsRefresh;
import com.callportrait.records.ProfileFreshness;
import com.callportrait.records.SurveyScript;
import com.callportrait.records.spool.SpoolOptions;
import com.callportrait.route.RouteMetrics;
import com.callportrait.route.RouteScript;
import com.callportrait.route.RoutingRules;
import com.callportrait.route.RulesLoader;
import com.callportrait.route.fastagi.AgiLimits;
import com.callportrait.route.fastagi.AgiMetrics;
import com.callportrait.route.fastagi.AgiScripts;
import com.callportrait.route.fastagi.AgiServer;
import com.callportrait.screenpop.FeedbackRecorder;
import com.callportrait.screenpop.RedisPopRelay;
import com.callportrait.screenpop.ScreenPopHandler;
import com.callportrait.screenpop.ScreenPopHub;
import com.callportrait.server.health.HealthMonitor;
import com.callportrait.server.http.HttpOptions;
import com.callportrait.server.http.HttpServer;
import io.micrometer.core.instrument.Gauge;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running application: the one place that builds every component from the {@link Settings}
 * (built once and validated before anything starts) and starts and stops them in a stated order.
 * New scripts, routes and checks are registered here.
 *
 * <p>Start ({@link #start}), each step only once the one before it is up:
 * <ol>
 * <li>Redis: opened by the caller ({@link RedisBackend#open}) and handed in;</li>
 * <li>the shared scheduler ({@code cp-scheduler-N}) and the stores: the event writer to
 *     {@code cp:events}, one warm-up profile lookup;</li>
 * <li>records: the spool is opened and what the last run left in it is replayed to Redis
 *     ({@code CP_FRESH}, default on), and the background retraining of the portrait models starts
 *     ({@code CP_RETRAIN}, default on);</li>
 * <li>speech: the Vosk model is loaded, then the AudioSocket server opens ({@code CP_SPEECH});</li>
 * <li>live: AMI connects, the live policy and call expiry start, rules files are polled; the daily
 *     insight refresh starts on its own thread ({@code CP_INSIGHTS});</li>
 * <li>FastAGI opens: calls are taken from here on;</li>
 * <li>health is evaluated once, then HTTP opens (probes, metrics, screen pops): ready.</li>
 * </ol>
 * A failing step stops whatever already started, and the error is thrown.
 *
 * <p>Stop ({@link #close()}): health turns DOWN and FastAGI stops accepting calls; live AGI
 * sessions finish within {@code CP_SHUTDOWN_GRACE_MS}; speech finalises every open call (queued
 * audio is recognised, last utterances reach the events); HTTP closes; live (policy, AMI) stops;
 * records still queued are spooled and appended; events are flushed; the shared scheduler stops
 * last. The caller then closes Redis.
 *
 * <p>Thread-safe. The Redis backend and the telemetry belong to the caller.
 */
public final class Application implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Application.class);
    /** How often a routing rules file is checked for an edit. */
    static final Duration RULES_POLL = Duration.ofSeconds(1);
    static final Duration EVENTS_FLUSH = Duration.ofSeconds(5);

    private final AppOptions options;
    private final RedisBackend redis;
    private final Telemetry telemetry;
    private final ScheduledExecutorService scheduler = SharedScheduler.create();
    private final ReloadingFile<RoutingRules> rules;
    private final EventWriter events;
    private final CallRegistry calls;
    private final TokenService tokens;
    private final ScreenPopHub screenPops;
    private final FeedbackRecorder feedback;
    private final LiveCalls live;
    private final RouteScript route;
    private final AgiServer agi;
    private final HealthMonitor health;
    private final HttpServer http;
    private final io.lettuce.core.pubsub.StatefulRedisPubSubConnection<String, String> relaySubscription;
    private volatile Optional<LiveSpeech> speech = Optional.empty();
    private volatile Optional<ProfileFreshness> fresh = Optional.empty();
    private volatile Optional<InsightsRefresh> insights = Optional.empty();
    private volatile InetSocketAddress agiAddress;
    private volatile InetSocketAddress httpAddress;

    private Application(AppOptions options, LiveOptions liveOptions, HttpOptions httpOptions,
                        InstanceOptions instance, TopicClassifier topics, RedisBackend redis, Telemetry telemetry) {
        this.options = options;
        this.redis = redis;
        this.telemetry = telemetry;
        var registry = telemetry.registry();
        this.rules = RulesLoader.source(options.routingRules());
        this.events = EventWriter.create(RedisStreamSink.create(redis.connector().async(), options.eventsMaxLen()),
                options.eventsBuffer(), registry);
        // The live intent speaks the portrait engine's taxonomy (CP_PORTRAIT_TOPICS when set).
        this.calls = CallRegistry.create(Clock.systemUTC(), liveOptions.callExpiry(), topics);
        Gauge.builder("cp.calls.live", calls, CallRegistry::size).description("live calls").register(registry);
        this.tokens = liveOptions.tokens();
        this.screenPops = ScreenPopHub.create(calls, registry, scheduler, events);
        calls.addListener(screenPops);
        this.feedback = FeedbackRecorder.create(events, calls);
        this.live = LiveCalls.create(liveOptions, calls, screenPops, events, registry, scheduler);
        if (live.amiConfigured()) {
            // Any number of instances may watch one Asterisk: each action is claimed in Redis and
            // sent by one of them; page messages are relayed to whichever instance a page is on.
            live.claimingIn(RedisActionClaims.create(redis.connector().async(), instance.id(), instance.claimTtl(),
                    instance.claimTimeout(), registry));
            this.relaySubscription = redis.connector().connectPubSub();
            try {
                screenPops.relayThrough(pages -> RedisPopRelay.start(redis.connector().async(), relaySubscription,
                        instance.id(), instance.claimTtl(), instance.claimTimeout(), pages, registry));
            } catch (IllegalStateException e) {
                // Pages on this instance still get this instance's messages: degraded, not down.
                log.error("screen pops reach only the pages connected to this instance: {} (the Redis user needs"
                        + " PUBLISH and SUBSCRIBE on channel cp:pops, see redis-config/users.acl.example)",
                        e.getMessage());
            }
        } else {
            this.relaySubscription = null;
        }
        this.route = RouteScript.create(redis.store(), rules, events, new RouteMetrics(registry),
                options.routeBudget(), options.agiSetMode(), options.phones()).onRouted(live.routeListener());
        AgiScripts scripts = AgiScripts.builder()
                .add("route", route)
                .add("survey", SurveyScript.create(feedback))
                .build();
        this.agi = AgiServer.create(scripts, new AgiMetrics(registry), AgiLimits.DEFAULT, options.agiIdleTimeout(), 0,
                options.agiAllow(), registry);
        Gauge.builder("cp.netty.pending.tasks", agi, AgiServer::pendingTasks).tag("loop", "agi")
                .description("tasks waiting on the event loops (they should stay near 0)").register(registry);
        this.health = Monitoring.health(agi, redis.store(), options, live.amiClient(),
                () -> speech.map(LiveSpeech::engine), telemetry, scheduler);
        this.http = HttpServer.secured(Monitoring.router(health, this::healthInfo, telemetry, redis.store(),
                        (agent, phone) -> onCallWith(agent, phone, options.phones()),
                        () -> insights.map(InsightsRefresh::json).orElse(Map.of("state", "off",
                                "message", "insights are off (CP_INSIGHTS=off or CP_FRESH=off)"))),
                List.of(ScreenPopHandler.create(screenPops, tokens, calls, feedback)), tokens, httpOptions, registry);
        Gauge.builder("cp.netty.pending.tasks", http, HttpServer::pendingTasks).tag("loop", "http")
                .description("tasks waiting on the event loops (they should stay near 0)").register(registry);
    }

    /**
     * Builds and starts everything from {@code settings} in the order of the class comment; on
     * failure, whatever started is stopped again and the error is thrown. Every setting was read
     * and validated when {@code settings} was built: a bad one never stops start-up half way.
     */
    public static Application start(Settings settings, RedisBackend redis, Telemetry telemetry)
            throws InterruptedException {
        AppOptions options = settings.app();
        FreshOptions freshOptions = settings.fresh();
        SpoolOptions spool = settings.spool();
        SpeechSettings speech = settings.speech();
        Application app = new Application(options, settings.live(), settings.http(), settings.instance(),
                settings.portrait().topics(), redis, telemetry);
        try {
            app.events.start();
            warmUp(redis.store());
            if (freshOptions.enabled()) {
                // retraining runs on the freshness path's own scheduler thread, never an event loop
                app.fresh = Optional.of(ProfileFreshness.start(freshOptions, spool, settings.portrait(), redis.connector(), redis.store(),
                        app.calls, app.feedback, options.dataDir().resolve("models"), telemetry.registry(),
                        Clock.systemUTC(), settings.retrain(), settings.instance().id(), null));
            }
            // The model loads before any port opens: a call is never taken without speech.
            app.speech = LiveSpeech.start(speech, options, app.calls, app.live.amiConfigured(), app.events,
                    telemetry.registry());
            app.live.start();
            if (freshOptions.enabled() && settings.insights().enabled()) {
                app.insights = Optional.of(InsightsRefresh.start(settings.insights(),
                        InsightsRefresh.dataOf(freshOptions, settings.portrait(), Clock.systemUTC(),
                                app.fresh.map(f -> from -> f.stream().since(from,
                                        redis.connector().bulkConnection().sync()))),
                        settings.portrait(),
                        Optional.of(redis.connector()), app.live.amiClient(), telemetry.registry()));
            }
            app.rules.pollEvery(RULES_POLL, app.scheduler);
            app.agiAddress = app.agi.start(options.bindAddress(), options.agiPort());
            app.health.start();
            app.httpAddress = app.http.start(options.httpPort());
        } catch (InterruptedException | RuntimeException e) {
            app.close();
            throw e;
        }
        log.info("ready: FastAGI {}, HTTP {}, AudioSocket {}", app.agiAddress, app.httpAddress,
                app.speech.map(s -> s.audioSocketAddress().toString()).orElse("off"));
        return app;
    }

    /** As {@link #start(Settings, RedisBackend, Telemetry)} with {@code options} and every other module's defaults. */
    public static Application start(AppOptions options, RedisBackend redis, Telemetry telemetry)
            throws InterruptedException {
        return start(Settings.of(options), redis, telemetry);
    }

    /** As above with the given live settings (demo, simulator). */
    public static Application start(AppOptions options, LiveOptions live, RedisBackend redis, Telemetry telemetry)
            throws InterruptedException {
        return start(Settings.of(options).withLive(live), redis, telemetry);
    }

    /** As above with the given speech settings ({@link SpeechSettings#off()} for no speech). */
    public static Application start(AppOptions options, LiveOptions live, SpeechSettings speech,
                                    RedisBackend redis, Telemetry telemetry) throws InterruptedException {
        return start(Settings.of(options).withLive(live).withSpeech(speech), redis, telemetry);
    }

    /**
     * One lookup before taking calls: loads the lookup script into Redis and warms the classes on
     * the path, so the first real caller is not routed on defaults because of a cold start.
     */
    private static void warmUp(ProfileStore store) {
        try {
            store.findByPhone("5550000000").toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("warm-up lookup failed ({}); calls will be routed on defaults until Redis answers", e.toString());
        }
    }

    /** Whether {@code agent} is on a live call from {@code phone} (any form the phone rule reads). */
    private boolean onCallWith(String agent, String phone, PhoneOptions phones) {
        String wanted = PhoneNumbers.normalise(phone, phones).orElse(phone.replaceAll("[^0-9]", ""));
        return !wanted.isEmpty() && calls.all().stream().anyMatch(c -> agent.equals(c.agent())
                && wanted.equals(PhoneNumbers.normalise(c.phone(), phones).orElse(c.phone().replaceAll("[^0-9]", ""))));
    }

    private Map<String, Object> healthInfo() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agi_sessions", agi.activeSessions());
        m.put("routing_rules", rules.origin());
        m.put("events_queued", events.queued());
        m.put("events_dropped", events.droppedCount());
        m.put("live_calls", calls.size());
        speech.ifPresent(sp -> m.put("speech", sp.health()));
        return m;
    }

    /** Where FastAGI listens (the actual port when 0 was asked for). */
    public InetSocketAddress agiAddress() {
        return agiAddress;
    }

    /** Every HTTP path with who may use it (the access test walks it). */
    public com.callportrait.server.http.Router httpRoutes() {
        return http.router();
    }

    /** Where HTTP listens (probes, metrics, screen pops). */
    public InetSocketAddress httpAddress() {
        return httpAddress;
    }

    /** The speech engine and AudioSocket server; empty when {@code CP_SPEECH=off}. */
    public Optional<LiveSpeech> speech() {
        return speech;
    }

    /** Every call in progress; also where speech updates of a call are delivered. */
    public CallRegistry calls() {
        return calls;
    }

    /** True when AMI is configured and logged in. */
    public boolean amiConnected() {
        return live.amiConnected();
    }

    /** Issues and checks agent and supervisor tokens ({@code CP_TOKEN_SECRET}). */
    public TokenService tokens() {
        return tokens;
    }

    /** The screen-pop hub: agent and supervisor pages connected now. */
    public ScreenPopHub screenPops() {
        return screenPops;
    }

    /** The profile store on the routing path. */
    public ProfileStore profiles() {
        return redis.store();
    }

    /** The health monitor behind {@code /health}. */
    public HealthMonitor health() {
        return health;
    }

    /** The writer of {@code cp:events}. */
    public EventWriter events() {
        return events;
    }

    /** The daily insight refresh; empty when {@code CP_INSIGHTS=off} or {@code CP_FRESH=off}. */
    public Optional<InsightsRefresh> insights() {
        return insights;
    }

    /** Portraits kept fresh from interaction records; empty when {@code CP_FRESH=off}. */
    public Optional<ProfileFreshness> freshness() {
        return fresh;
    }

    /** Stops everything in the order of the class comment; a step that fails is logged and the rest still run. */
    @Override
    public void close() {
        log.info("shutting down: no new calls; waiting up to {} ms for {} live AGI sessions",
                options.shutdownGrace().toMillis(), agi.activeSessions());
        step("health drain", health::drain); // /health and /health/ready answer 503 while sessions finish
        step("FastAGI", () -> agi.close(options.shutdownGrace()));
        step("route journal", route::close); // the last calls' log lines and route events
        // before the event writer: closing finalises open calls, whose last utterance is written
        step("speech", () -> speech.ifPresent(LiveSpeech::close));
        step("HTTP", http::close);
        step("live", live::close);
        step("screen pops", screenPops::close);
        step("insights", () -> insights.ifPresent(InsightsRefresh::close));
        step("records", () -> fresh.ifPresent(ProfileFreshness::close)); // appends what ended calls left queued
        step("events", () -> events.close(EVENTS_FLUSH));
        step("health", health::close);
        step("routing rules", rules::close);
        step("scheduler", () -> SharedScheduler.shutdown(scheduler));
        log.info("stopped ({} events written, {} dropped)", events.writtenCount(), events.droppedCount());
    }

    private static void step(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.error("stopping {} failed; going on with the rest", what, e);
        }
    }
}
