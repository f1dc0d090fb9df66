package com.callportrait.bench.cli;

import com.callportrait.bench.overload.SpeechOverload;
import com.callportrait.records.spool.SpoolOptions;
import com.callportrait.server.AppOptions;
import com.callportrait.server.Application;
import com.callportrait.server.RedisBackend;
import com.callportrait.server.Settings;
import com.callportrait.server.SpeechSettings;
import com.callportrait.server.Telemetry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code overload}: the "Vosk overloaded" fault, long version (RELIABILITY.md, "Operations"). One
 * instance per command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "overload", mixinStandardHelpOptions = true,
        description = "Starts the application on loopback (embedded Redis, the bundled Vosk model), streams more"
                + " real-audio calls to its AudioSocket port than the recognition pool can carry, then stops them;"
                + " prints what was offered, read, shed and finalised, the worst lag, the health states and the"
                + " time to recover. Exit 0 when every frame was read, every call ended and health came back UP.")
public final class OverloadCommand extends BenchCommand {
    @Option(names = "--calls", defaultValue = "12", description = "concurrent calls (default ${DEFAULT-VALUE})")
    int calls;

    @Option(names = "--seconds", defaultValue = "60", description = "seconds each call speaks (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--stagger-ms", defaultValue = "200", description = "pause between call starts (default ${DEFAULT-VALUE})")
    int staggerMs;

    @Option(names = "--recover", defaultValue = "60", description = "seconds allowed to recover (default ${DEFAULT-VALUE})")
    int recover;

    @Option(names = "--workers", defaultValue = "0", description = "recognition threads, 0 = CP_ASR_WORKERS or cores")
    int workers;

    @Option(names = "--queue-frames", defaultValue = "0", description = "per-call queue, 0 = CP_ASR_QUEUE_FRAMES (250)")
    int queueFrames;

    @Override
    public Integer call() throws Exception {
        for (String name : new String[] {"com.callportrait.route", "com.callportrait.events", "com.callportrait.records",
                "com.callportrait.live"}) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
        }
        Path dir = Files.createTempDirectory("cp-overload");
        // loopback, a Redis of its own and no AMI; speech and everything else as configured
        Settings configured = settings();
        AppOptions o = configured.app().toBuilder().bindAddress("127.0.0.1").build()
                .withRedis(Optional.empty(), 0).withPorts(0, 0, 0).withDataDir(dir);
        SpeechSettings base = configured.speech();
        var asr = base.asr();
        if (workers > 0) {
            asr = asr.withWorkers(workers);
        }
        if (queueFrames > 0) {
            asr = asr.withQueueFrames(queueFrames);
        }
        SpeechSettings speech = new SpeechSettings(true, asr, base.socket());
        SpeechOverload.Settings s = new SpeechOverload.Settings(calls, Duration.ofSeconds(seconds),
                Duration.ofMillis(staggerMs), Duration.ofSeconds(recover), 1000);
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
             Telemetry telemetry = new Telemetry();
             Application stack = Application.start(configured.withApp(o).withSpool(SpoolOptions.under(dir))
                     .withLive(configured.live().withAmi(Optional.empty())).withSpeech(speech), redis, telemetry)) {
            var sp = stack.speech().orElseThrow();
            Map<String, Object> setup = new LinkedHashMap<>();
            setup.put("workers", asr.workers());
            setup.put("queue_frames", asr.queueFrames());
            setup.put("cores", Runtime.getRuntime().availableProcessors());
            setup.put("model", sp.engine().model().dir().getFileName().toString());
            SpeechOverload run = new SpeechOverload(sp.engine(), sp.audioSocketAddress(), () -> stack.health().report());
            SpeechOverload.Result r = run.run(s);
            SpeechOverload.describe(s, r, setup).forEach(out()::println);
            boolean ok = r.framesReceived() == r.framesSent() && r.callsFailed() == 0
                    && r.callsEnded() == r.callsOffered() && r.recoveredAfterMs() >= 0;
            return ok ? 0 : 1;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
