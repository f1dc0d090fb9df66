package com.callportrait.live;

import com.callportrait.common.config.ReloadingFile;
import com.callportrait.events.EventWriter;
import com.callportrait.live.ami.AmiAction;
import com.callportrait.live.ami.AmiClient;
import com.callportrait.live.ami.AmiNotConnectedException;
import com.callportrait.live.ami.AmiResponse;
import com.callportrait.live.calls.AmiCallTracker;
import com.callportrait.live.calls.CallRegistry;
import com.callportrait.live.calls.RoutedCall;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.route.RouteListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live stage of the application: the AMI client feeding the live call state through the
 * {@link AmiCallTracker}, the {@link LivePolicy} acting on it with the live rules
 * ({@code CP_LIVE_RULES}, reloaded on change), and the safety expiry of calls no Hangup ended. The
 * call registry itself and where alerts go ({@link AlertSink}) are given: later stages share them.
 * Periodic work (policy ticks, rules polling, expiry, re-synchronisation retries) runs on the
 * application's shared scheduler; the AMI client keeps its own event loop and dispatch thread
 * (socket I/O, and events handed to listeners in order without stalling the socket reader).
 *
 * <p>Thread-safe. Lifecycle: {@link #create}, {@link #start()}, {@link #close()}.
 */
public final class LiveCalls implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveCalls.class);
    /** How often the live rules file is checked for an edit. */
    static final Duration RULES_POLL = Duration.ofSeconds(1);
    /** How often calls past {@code CP_CALL_EXPIRY} are dropped. */
    static final Duration EXPIRY_SWEEP = Duration.ofSeconds(60);

    private final LiveOptions options;
    private final CallRegistry calls;
    private final Optional<AmiClient> ami;
    private final ReloadingFile<LiveRules> rules;
    private final LivePolicy policy;
    private final ScheduledExecutorService scheduler;
    private volatile ScheduledFuture<?> expiry;

    private LiveCalls(LiveOptions options, CallRegistry calls, AlertSink alerts, EventWriter events,
                      MeterRegistry registry, ScheduledExecutorService scheduler) {
        this.options = options;
        this.calls = calls;
        this.scheduler = scheduler;
        this.ami = options.ami().map(o -> AmiClient.create(o, AmiCallTracker.EVENTS, registry));
        AmiCallTracker tracker = AmiCallTracker.create(calls, options.agents(), scheduler);
        this.rules = LiveRulesLoader.source(options.liveRules(), calls.topics());
        this.policy = LivePolicy.create(calls, rules, this::sendAmi, events, alerts, registry,
                () -> ami.isPresent() && ami.get().connected() && tracker.synchronised());
        calls.addListener(IntentEvents.to(events)); // before the policy: an intent is recorded before what it triggers
        calls.addListener(policy);
        ami.ifPresent(c -> c.addListener(tracker));
    }

    /**
     * Builds the stage; nothing runs yet.
     *
     * @throws com.callportrait.route.RulesException when {@code CP_LIVE_RULES} names an invalid file
     */
    public static LiveCalls create(LiveOptions options, CallRegistry calls, AlertSink alerts, EventWriter events,
                                   MeterRegistry registry, ScheduledExecutorService scheduler) {
        return new LiveCalls(options, calls, alerts, events, registry, scheduler);
    }

    /**
     * Claims every live action in {@code claims} before sending it, so that of several instances
     * watching one Asterisk only one acts. Call before {@link #start()}.
     */
    public LiveCalls claimingIn(ActionClaims claims) {
        policy.claimingIn(claims);
        return this;
    }

    /** Connects to AMI (reconnecting in the background) and starts the periodic work. */
    public LiveCalls start() {
        ami.ifPresentOrElse(AmiClient::start,
                () -> log.warn("CP_AMI_URI is not set: no AMI, so no queue events, live actions or screen pops"
                        + " from Asterisk (the route script still feeds live call state)"));
        if (options.randomTokenSecret()) {
            log.warn("CP_TOKEN_SECRET is not set: agent/supervisor tokens use a random secret and die with"
                    + " this process; set it to issue tokens with 'callportrait token agent NAME'");
        }
        rules.pollEvery(RULES_POLL, scheduler);
        policy.start(scheduler);
        expiry = scheduler.scheduleWithFixedDelay(calls::expire, EXPIRY_SWEEP.toSeconds(), EXPIRY_SWEEP.toSeconds(),
                TimeUnit.SECONDS);
        return this;
    }

    private CompletionStage<AmiResponse> sendAmi(AmiAction a) {
        return ami.<CompletionStage<AmiResponse>>map(c -> c.send(a)).orElseGet(() ->
                CompletableFuture.failedFuture(new AmiNotConnectedException("AMI not configured (CP_AMI_URI)")));
    }

    /**
     * Starts a live call for every routing decision. Without AMI nothing would ever end those
     * calls but the safety expiry, and nothing acts on them: no tracking then.
     */
    public RouteListener routeListener() {
        if (ami.isEmpty()) {
            return RouteListener.NONE;
        }
        return (session, phone, d, profile) -> calls.routed(new RoutedCall(session.callId(),
                session.request().channel(), session.request().uniqueId(), phone,
                session.request().get("agi_calleridname").orElse(""), d.queue(), d.priority(), d.segment(), d.vip(),
                d.rule(), profile.map(p -> (CustomerProfile) p)));
    }

    /** True when AMI is configured and logged in. */
    public boolean amiConnected() {
        return ami.map(AmiClient::connected).orElse(false);
    }

    /** The AMI client, when {@code CP_AMI_URI} is set (health, metrics). */
    public Optional<AmiClient> amiClient() {
        return ami;
    }

    /** True when {@code CP_AMI_URI} is set. */
    public boolean amiConfigured() {
        return ami.isPresent();
    }

    /** Stops the periodic work and the policy, then closes the AMI connection. */
    @Override
    public void close() {
        ScheduledFuture<?> e = expiry;
        if (e != null) {
            e.cancel(false);
        }
        rules.close();
        policy.close();
        ami.ifPresent(AmiClient::close);
    }
}
