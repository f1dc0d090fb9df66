package com.callportrait.server;

import com.callportrait.live.ami.AmiClient;
import com.callportrait.profile.ProfileStore;
import com.callportrait.route.fastagi.AgiServer;
import com.callportrait.server.health.AgiCheck;
import com.callportrait.server.health.AmiCheck;
import com.callportrait.server.health.BacklogCheck;
import com.callportrait.server.health.HealthMonitor;
import com.callportrait.server.health.RedisCheck;
import com.callportrait.server.health.SpeechCheck;
import com.callportrait.live.TokenService.Role;
import com.callportrait.screenpop.ScreenPopHandler;
import com.callportrait.server.http.Access;
import com.callportrait.server.http.HealthEndpoint;
import com.callportrait.server.http.HttpReply;
import com.callportrait.server.http.InsightsEndpoint;
import com.callportrait.server.http.ProfileEndpoint;
import com.callportrait.server.http.Router;
import com.callportrait.speech.pipeline.SpeechEngine;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * How the application watches itself: the health checks with their thresholds, and the HTTP
 * routes that read them ({@code /health}, {@code /health/ready}, {@code /health/live}), the
 * Prometheus scrape ({@code /metrics}) and the profile API. Stateless factory.
 */
final class Monitoring {
    /** Health thresholds (docs/agi.md, README runbook): evaluation every second over a 5 s window. */
    static final Duration HEALTH_INTERVAL = Duration.ofSeconds(1);
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(1);
    static final int HEALTH_WINDOW = 5;
    static final long REDIS_SLOW_MS = 100;
    static final long SPEECH_LAG_MS = 1000;
    /** {@code /health/live} fails when the monitor has not evaluated for this long (a wedged process). */
    static final Duration STALE_AFTER = Duration.ofSeconds(10);

    private Monitoring() {
    }

    static HealthMonitor health(AgiServer agi, ProfileStore store, AppOptions options, Optional<AmiClient> ami,
                                Supplier<Optional<SpeechEngine>> speech, Telemetry telemetry,
                                ScheduledExecutorService scheduler) {
        return HealthMonitor.create(List.of(new AgiCheck(agi), new RedisCheck(store, REDIS_SLOW_MS),
                        new BacklogCheck(telemetry.registry(), options.eventsBuffer(), HEALTH_WINDOW),
                        new AmiCheck(ami, HEALTH_WINDOW),
                        new SpeechCheck(speech, SPEECH_LAG_MS, HEALTH_WINDOW)),
                HEALTH_INTERVAL, CHECK_TIMEOUT, Clock.systemUTC(), telemetry.registry(), scheduler);
    }

    /**
     * Every HTTP path and who may use it (docs/operations.md, "HTTP access"). Public: the probes
     * and the metrics (counts and timings only: no phone number, name or call id is ever a label),
     * the static files and the pages themselves (they hold no data until their socket opens).
     * Everything with customer or call data needs a token: the profile API (supervisors,
     * integrations, and agents for a caller on their own call), and the screen-pop routes as
     * {@link ScreenPopHandler#ROUTES} declares them.
     *
     * @param agentSees whether an agent is on a call from a phone number (profile API scoping)
     * @param insights  the body of {@code /api/insights} (service and supervisor tokens)
     */
    static Router router(HealthMonitor health, Supplier<Map<String, Object>> info, Telemetry telemetry,
                         ProfileStore store, BiPredicate<String, String> agentSees,
                         Supplier<Map<String, Object>> insights) {
        HealthEndpoint endpoint = new HealthEndpoint(health, info, STALE_AFTER);
        Router.Builder b = Router.builder()
                .get("/health", Access.PUBLIC, endpoint.full())
                .get("/health/ready", Access.PUBLIC, endpoint.ready())
                .get("/health/live", Access.PUBLIC, endpoint.live())
                .get("/metrics", Access.PUBLIC, call -> CompletableFuture.completedFuture(new HttpReply(200,
                        "text/plain; version=0.0.4; charset=utf-8",
                        telemetry.scrape().getBytes(StandardCharsets.UTF_8))))
                .get("/api/profiles/{phone}", Access.of(Role.SUPERVISOR, Role.SERVICE, Role.AGENT),
                        new ProfileEndpoint(store, agentSees))
                .get("/api/insights", Access.of(Role.SERVICE, Role.SUPERVISOR), new InsightsEndpoint(insights));
        for (ScreenPopHandler.PageRoute r : ScreenPopHandler.ROUTES) {
            b.front(r.method(), r.pattern(), r.roles().isEmpty() ? Access.PUBLIC
                    : new Access(r.roles(), r.ownParam().isEmpty() ? Optional.empty() : Optional.of(r.ownParam())));
        }
        return b.build();
    }
}
