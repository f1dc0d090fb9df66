package com.callportrait.live;

import com.callportrait.live.ami.AmiAction;
import com.callportrait.live.ami.AmiClient;
import com.callportrait.live.ami.AmiNotConnectedException;
import com.callportrait.live.ami.AmiResponse;
import com.callportrait.live.calls.AmiCallTracker;
import com.callportrait.live.calls.CallRegistry;
import com.callportrait.live.calls.RoutedCall;
import com.callportrait.live.calls.SpeechUpdates;
import com.callportrait.events.EventWriter;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.route.RouteListener;
import com.callportrait.screenpop.FeedbackRecorder;
import com.callportrait.screenpop.ScreenPopHandler;
import com.callportrait.screenpop.ScreenPopHub;
import com.callportrait.screenpop.TokenService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything of issue 5 wired together: call registry, AMI client and tracker, live policy,
 * screen-pop hub, HTTP/WebSocket handler, feedback and the survey script. The application's
 * {@code ServerStack} registers {@link #routeListener()}, {@link #surveyScript()} and
 * {@link #httpHandler()}; the speech pipeline feeds {@link #speech()}.
 *
 * <p>Lifecycle: {@link #create}, {@link #start()}, {@link #close()}. Thread-safe.
 */
public final class LiveStack implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveStack.class);

    private final LiveOptions options;
    private final CallRegistry calls;
    private final Optional<AmiClient> ami;
    private final LiveRulesSource rules;
    private final LivePolicy policy;
    private final ScreenPopHub hub;
    private final FeedbackRecorder feedback;
    private final ScreenPopHandler http;
    private final ScheduledExecutorService expiry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "call-expiry");
        t.setDaemon(true);
        return t;
    });

    private LiveStack(LiveOptions options, EventWriter events, MeterRegistry registry, Clock clock) {
        this.options = options;
        this.calls = CallRegistry.create(clock, options.callExpiry());
        Gauge.builder("cp.calls.live", calls, CallRegistry::size).description("live calls").register(registry);
        this.ami = options.ami().map(o -> AmiClient.create(o, AmiCallTracker.EVENTS, registry));
        AmiCallTracker tracker = AmiCallTracker.create(calls, options.agents());
        this.rules = options.liveRules().map(p -> LiveRulesSource.watching(p, Duration.ofSeconds(1)))
                .orElseGet(LiveRulesSource::bundled);
        this.hub = ScreenPopHub.create(calls, registry);
        this.feedback = FeedbackRecorder.create(events, calls);
        this.policy = LivePolicy.create(calls, rules, this::sendAmi, events, hub, registry,
                () -> ami.isPresent() && ami.get().connected() && tracker.synchronised());
        this.http = ScreenPopHandler.create(hub, options.tokens(), calls, feedback);
        calls.addListener(hub);
        calls.addListener(policy);
        ami.ifPresent(c -> c.addListener(tracker));
    }

    public static LiveStack create(LiveOptions options, EventWriter events, MeterRegistry registry, Clock clock) {
        return new LiveStack(options, events, registry, clock);
    }

    public LiveStack start() {
        ami.ifPresentOrElse(AmiClient::start,
                () -> log.warn("CP_AMI_URI is not set: no AMI, so no queue events, live actions or screen pops"
                        + " from Asterisk (the route script still feeds live call state)"));
        if (options.randomTokenSecret()) {
            log.warn("CP_TOKEN_SECRET is not set: agent/supervisor tokens use a random secret and die with"
                    + " this process; set it to issue tokens with 'callportrait token agent NAME'");
        }
        policy.start();
        expiry.scheduleWithFixedDelay(calls::expire, 60, 60, TimeUnit.SECONDS);
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

    /** Survey scores and dispositions (listeners: the portrait's feedback path). */
    public FeedbackRecorder feedback() {
        return feedback;
    }

    public SurveyScript surveyScript() {
        return SurveyScript.create(feedback);
    }

    /** The HTTP/WebSocket routes, for the front of the HTTP pipeline. */
    public ScreenPopHandler httpHandler() {
        return http;
    }

    /** Where the speech pipeline delivers transcripts and emotions. */
    public SpeechUpdates speech() {
        return calls;
    }

    public CallRegistry calls() {
        return calls;
    }

    public TokenService tokens() {
        return options.tokens();
    }

    public ScreenPopHub hub() {
        return hub;
    }

    /** True when AMI is configured and logged in. */
    public boolean amiConnected() {
        return ami.map(AmiClient::connected).orElse(false);
    }

    /** The AMI client, when {@code CP_AMI_URI} is set (health, metrics). */
    public Optional<AmiClient> amiClient() {
        return ami;
    }

    public boolean amiConfigured() {
        return ami.isPresent();
    }

    @Override
    public void close() {
        expiry.shutdownNow();
        policy.close();
        ami.ifPresent(AmiClient::close);
        hub.close();
        rules.close();
    }
}
