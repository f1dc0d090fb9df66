package com.callportrait.bench.cli;

import com.callportrait.bench.live.EscalationLatency;
import com.callportrait.bench.live.SpeechEnd;
import com.callportrait.cli.InProcessTarget;
import com.callportrait.profile.imports.DemoCustomers;
import com.callportrait.records.spool.SpoolOptions;
import com.callportrait.server.AppOptions;
import com.callportrait.server.Application;
import com.callportrait.server.RedisBackend;
import com.callportrait.server.Settings;
import com.callportrait.server.SpeechSettings;
import com.callportrait.server.Telemetry;
import com.callportrait.simulator.audio.AudioCaller;
import com.callportrait.simulator.call.SimulatedAsterisk;
import java.io.BufferedInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.sound.sampled.AudioSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code live-action}: end of an angry utterance to the AMI action, with real audio through the
 * real ports (BENCHMARKS.md, "Live routing and screen pops"). One instance per command-line run,
 * used on the main thread; not thread-safe.
 */
@Command(name = "live-action", mixinStandardHelpOptions = true,
        description = "Starts the application on loopback (embedded Redis, the bundled Vosk model and emotion model,"
                + " the bundled live rules) with its AMI client logged in to a simulated Asterisk; plays calls whose"
                + " caller speaks a complaint over AudioSocket while waiting in the queue; prints end of the utterance acted on ->"
                + " QueueChangePriorityCaller received, p50/p95/p99. Exit 0 when every call was raised exactly once"
                + " and p95 < 1.5 s.")
public final class LiveActionCommand extends BenchCommand {
    @Option(names = "--calls", defaultValue = "20", description = "calls (default ${DEFAULT-VALUE})")
    int calls;

    @Option(names = "--concurrency", defaultValue = "2", description = "callers speaking at once (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--stagger-ms", defaultValue = "1500", description = "pause between call starts (default ${DEFAULT-VALUE})")
    int staggerMs;

    @Option(names = "--wait-after-ms", defaultValue = "4000",
            description = "time a caller stays in the queue after speaking (default ${DEFAULT-VALUE})")
    int waitAfterMs;

    @Option(names = "--audio", description = "an 8 kHz 16-bit mono WAV to speak instead of the recorded complaint")
    Path audioFile;

    @Option(names = "--line-open-ms", defaultValue = "4000",
            description = "line noise sent after the recording before the tap hangs up, so the recogniser ends the"
                    + " utterance on its own as on a real waiting call (default ${DEFAULT-VALUE})")
    int lineOpenMs;

    @Override
    public Integer call() throws Exception {
        for (String name : new String[] {"com.callportrait.route", "com.callportrait.events", "com.callportrait.records",
                "com.callportrait.live", "com.callportrait.server", "com.callportrait.simulator"}) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
        }
        byte[] audio = SpeechEnd.withLineNoise(audioFile == null ? AudioCaller.bundledAudio() : wav(audioFile),
                lineOpenMs);
        Path dir = Files.createTempDirectory("cp-live-action");
        Settings configured = settings();
        AppOptions o = configured.app().toBuilder().bindAddress("127.0.0.1").build()
                .withRedis(Optional.empty(), 0).withPorts(0, 0, 0).withDataDir(dir);
        SpeechSettings base = configured.speech();
        SpeechSettings speech = new SpeechSettings(true, base.asr(), base.socket());
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
             Telemetry telemetry = new Telemetry();
             SimulatedAsterisk pbx = SimulatedAsterisk.start()) {
            DemoCustomers.seed(redis.store(), o.phones(), Clock.systemUTC());
            try (Application app = Application.start(configured.withApp(o).withSpool(SpoolOptions.under(dir))
                    .withLive(InProcessTarget.liveOptions(configured.live(), pbx)).withSpeech(speech), redis, telemetry)) {
                pbx.awaitLogin(Duration.ofSeconds(15));
                EscalationLatency bench = new EscalationLatency(app.agiAddress(),
                        app.speech().orElseThrow().audioSocketAddress(), pbx, audio);
                EscalationLatency.Result r = bench.run(new EscalationLatency.Settings(calls, concurrency,
                        Duration.ofMillis(staggerMs), Duration.ofMillis(waitAfterMs)));
                double p95 = EscalationLatency.percentileMs(r.latencyNanos(), 0.95);
                out().printf(Locale.ROOT, "live-action: %d calls (%d at once), recording %d ms, speech ends at %d ms,"
                                + " workers %d%n", calls, concurrency, r.audioMs(), r.speechEndMs(),
                        speech.asr().workers());
                out().printf(Locale.ROOT, "end of the utterance acted on -> QueueChangePriorityCaller: n=%d missed=%d"
                                + " failed=%d p50=%.0f ms p95=%.0f ms p99=%.0f ms max=%.0f ms; most actions for one call:"
                                + " %d; acted after utterance (of %d): %s%n",
                        r.latencyNanos().size(), r.missed(), r.failed(),
                        EscalationLatency.percentileMs(r.latencyNanos(), 0.5), p95,
                        EscalationLatency.percentileMs(r.latencyNanos(), 0.99),
                        EscalationLatency.percentileMs(r.latencyNanos(), 1.0), r.actionsPerCall(), r.utterances(),
                        r.actedAfter());
                out().flush();
                return r.missed() == 0 && r.failed() == 0 && r.actionsPerCall() == 1 && p95 < 1500 ? 0 : 1;
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static byte[] wav(Path f) throws Exception {
        try (var in = AudioSystem.getAudioInputStream(new BufferedInputStream(Files.newInputStream(f)))) {
            return in.readAllBytes();
        }
    }
}
