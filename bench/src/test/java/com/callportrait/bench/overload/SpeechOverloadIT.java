package com.callportrait.bench.overload;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.callportrait.common.config.Env;
import com.callportrait.live.LiveOptions;
import com.callportrait.server.AppOptions;
import com.callportrait.server.Application;
import com.callportrait.server.RedisBackend;
import com.callportrait.server.SpeechSettings;
import com.callportrait.server.Telemetry;
import com.callportrait.server.health.HealthMonitor;
import com.callportrait.server.health.HealthState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The "Vosk overloaded" fault, short version (the long one is {@code callportrait-bench overload}):
 * one recognition worker with a 1 s queue per call, {@value #CALLERS} callers speaking the recorded
 * Asterisk call in real time over AudioSocket for 10 s, then silence (warm recognisers carry about
 * 0.08 of a core per talking caller, so one worker needs at least 13 callers to fall behind; 16 make
 * it certain on a quiet machine as on a busy one). The application must degrade (skip
 * partials first, then shed audio), say so once (health DEGRADED, one WARN, shedding counters in
 * /metrics), keep reading every frame (no caller's socket blocked or dropped), finalise every
 * call, and come back UP with the lag back under a second once the load is gone.
 */
class SpeechOverloadIT {
    static final int CALLERS = 16;

    @Test
    void degradesSaysSoAndRecovers(@TempDir Path dir) throws Exception {
        Logger monitorLog = (Logger) LoggerFactory.getLogger(HealthMonitor.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        monitorLog.addAppender(logs);
        AppOptions o = AppOptions.from(Env.of(Map.of("CP_BIND_ADDRESS", "127.0.0.1"))).withRedis(Optional.empty(), 0)
                .withPorts(0, 0, 0).withDataDir(dir);
        SpeechSettings d = SpeechSettings.from(Env.of(Map.of()));
        SpeechSettings speech = new SpeechSettings(true, d.asr().withWorkers(1).withQueueFrames(50),
                d.socket());
        SpeechOverload.Settings load = new SpeechOverload.Settings(CALLERS, Duration.ofSeconds(10), Duration.ofMillis(100),
                Duration.ofSeconds(60), 1000);
        SpeechOverload.Result r;
        String metrics;
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
             Telemetry telemetry = new Telemetry();
             Application app = Application.start(o, LiveOptions.from(Env.of(Map.of())), speech, redis, telemetry)) {
            var sp = app.speech().orElseThrow();
            r = new SpeechOverload(sp.engine(), sp.audioSocketAddress(), () -> app.health().report()).run(load);
            SpeechOverload.describe(load, r, Map.of("workers", 1, "queue_frames", 50)).forEach(System.out::println);
            metrics = telemetry.scrape();
            assertThat(app.health().report().checks().get("speech").result().state()).isEqualTo(HealthState.UP);
        } finally {
            monitorLog.detachAppender(logs);
        }
        // no caller was blocked or dropped: the event loop read every frame written
        assertThat(r.callsFailed()).isZero();
        assertThat(r.sessionsRejected()).isZero();
        assertThat(r.framesReceived()).isEqualTo(r.framesSent()).isEqualTo((long) CALLERS * 10_000 / 20);
        // it degraded: audio shed (refused by a full queue, or skipped unheard once older than the queue's
        // length) and health said DEGRADED. Partials are skipped from a backlog of 25 frames, but a skip is
        // only counted when a partial falls due, every 400 ms of processed speech; with stale audio skipped
        // and its utterance cut short, a slow machine may count none: skipped partials are not asserted.
        assertThat(r.framesShed()).isPositive();
        assertThat(r.worstSpeechState()).isEqualTo(HealthState.DEGRADED);
        assertThat(metrics).containsPattern("cp_speech_frames_shed_total [1-9]")
                .contains("cp_health_transitions_total{check=\"speech\",to=\"DEGRADED\"} 1.0");
        // nothing lost beyond the policy: every call was finalised and has final transcripts; audio
        // lost to shedding shows as utterances marked degraded
        assertThat(r.callsEnded()).isEqualTo(CALLERS);
        assertThat(r.callsWithFinals()).isEqualTo(CALLERS);
        assertThat(r.finalsDegraded()).isPositive();
        // and it recovered: health UP, lag under a second
        assertThat(r.recoveredAfterMs()).isNotNegative();
        assertThat(logs.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith("health: speech"))).hasSize(1)
                .allSatisfy(m -> assertThat(m).startsWith("health: speech UP -> DEGRADED: overloaded:"));
        assertThat(logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("health: speech DEGRADED -> UP after"))).hasSize(1)
                .allSatisfy(m -> assertThat(m).contains("overload over:"));
    }
}
