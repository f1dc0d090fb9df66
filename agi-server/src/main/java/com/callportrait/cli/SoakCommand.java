package com.callportrait.cli;

import com.callportrait.common.config.Durations;
import com.callportrait.profile.imports.DemoCustomers;
import com.callportrait.records.spool.SpoolOptions;
import com.callportrait.server.AppOptions;
import com.callportrait.server.Application;
import com.callportrait.server.RedisBackend;
import com.callportrait.server.SpeechSettings;
import com.callportrait.server.Telemetry;
import com.callportrait.simulator.call.SimulatedAsterisk;
import com.callportrait.simulator.soak.SoakOptions;
import com.callportrait.simulator.soak.SoakReport;
import com.callportrait.simulator.soak.SoakRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code soak}: keeps many simulated calls up for a bounded time against an in-process server on
 * loopback (embedded Redis in a fresh directory, demo customers), prints a line per sample, writes
 * the series (CSV) and the report (markdown), and exits 1 when a verdict fails. One instance per
 * command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Load and soak run on loopback: keeps --calls simulated calls up for --duration (FastAGI route,"
                + " AMI queue events, screen pops over WebSocket, survey, hangup; --audio-calls of them at a time"
                + " speak the recorded caller over AudioSocket), samples latency, heap, threads and Redis memory,"
                + " checks that every completed call's interaction record is stored exactly once and that no AMI"
                + " action was sent twice. Exit status 1 when a verdict fails.")
public final class SoakCommand extends AppCommand {
    @Option(names = "--calls", defaultValue = "200", description = "calls kept up at once (default ${DEFAULT-VALUE})")
    int calls;

    @Option(names = "--duration", defaultValue = "10m", converter = DurationConverter.class,
            description = "how long calls are started, e.g. 10m, 45s (default ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--audio-calls", defaultValue = "2",
            description = "calls streaming the recorded voice to the real speech pipeline at a time; the others"
                    + " deliver scripted transcripts (0 = none, speech not started; default ${DEFAULT-VALUE})")
    int audioCalls;

    @Option(names = "--mean-wait", defaultValue = "20s", converter = DurationConverter.class,
            description = "mean queue wait, exponential (default ${DEFAULT-VALUE})")
    Duration meanWait;

    @Option(names = "--median-talk", defaultValue = "60s", converter = DurationConverter.class,
            description = "median talk time, log-normal (default ${DEFAULT-VALUE})")
    Duration medianTalk;

    @Option(names = "--survey-share", defaultValue = "0.5", description = "share of callers answering the survey")
    double surveyShare;

    @Option(names = "--sample-every", defaultValue = "15s", converter = DurationConverter.class,
            description = "interval of the time series (default ${DEFAULT-VALUE})")
    Duration sampleEvery;

    @Option(names = "--gc-probe-every", defaultValue = "60s", converter = DurationConverter.class,
            description = "force a full GC before a sample this often, for the live-heap figure (0 = never)")
    Duration gcProbeEvery;

    @Option(names = "--drop-ami-every", defaultValue = "0", converter = DurationConverter.class,
            description = "fault: drop the AMI connection this often, e.g. 120s (default 0 = never)")
    Duration dropAmiEvery;

    @Option(names = "--refuse-reconnect", defaultValue = "3s", converter = DurationConverter.class,
            description = "fault: after each drop, refuse AMI connections this long (default ${DEFAULT-VALUE})")
    Duration refuseReconnect;

    @Option(names = "--max-heap-slope", defaultValue = "1.0",
            description = "verdict: post-GC heap slope over the second half, MB/min (default ${DEFAULT-VALUE})")
    double maxHeapSlope;

    @Option(names = "--max-thread-spread", defaultValue = "12",
            description = "verdict: live threads max - min over the second half (default ${DEFAULT-VALUE})")
    int maxThreadSpread;

    @Option(names = "--seed", defaultValue = "42", description = "random seed of the call plan")
    long seed;

    @Option(names = "--out", description = "directory for soak-series.csv and soak-report.md (default CP_DATA_DIR/soak)")
    Path out;

    @Override
    public Integer call() throws Exception {
        SoakOptions so;
        try {
            so = new SoakOptions(calls, duration, meanWait, medianTalk, surveyShare, audioCalls, sampleEvery,
                    gcProbeEvery, dropAmiEvery, refuseReconnect, maxHeapSlope, maxThreadSpread, seed);
        } catch (IllegalArgumentException e) {
            err().println("soak: " + e.getMessage());
            return 2;
        }
        // Loopback only, whatever CP_BIND_ADDRESS says; a fresh embedded Redis, so the exact-once
        // check reads only this run's records.
        // Its spool is its own too: a soak never replays (or leaves) records in the server's spool.
        Path redisDir = Files.createTempDirectory("cp-soak-redis");
        Path dir = out != null ? out : options().dataDir().resolve("soak");
        AppOptions o = options().toBuilder().bindAddress("127.0.0.1").build()
                .withRedis(Optional.empty(), 0).withPorts(0, 0, 0).withDataDir(redisDir);
        Files.createDirectories(dir);
        SpeechSettings speech = audioCalls == 0 ? SpeechSettings.off() : settings().speech();
        var w = out();
        w.printf("soak: %d calls for %s (%d speaking at a time), sample every %s%s; results in %s%n", calls,
                human(duration), audioCalls, human(sampleEvery),
                dropAmiEvery.isZero() ? "" : ", AMI dropped every " + human(dropAmiEvery), dir.toAbsolutePath());
        w.flush();
        SoakReport r;
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
             Telemetry telemetry = new Telemetry();
             SimulatedAsterisk demo = SimulatedAsterisk.start()) {
            DemoCustomers.seed(redis.store(), o.phones(), Clock.systemUTC());
            try (Application stack = Application.start(settings().withApp(o).withSpool(SpoolOptions.under(redisDir))
                    .withLive(InProcessTarget.liveOptions(settings().live(), demo)).withSpeech(speech), redis, telemetry)) {
                awaitFreshness(stack, w);
                r = SoakRun.run(InProcessTarget.of(stack), demo, redis.embedded().orElseThrow().uri(),
                        InProcessTarget.demoCallers(o.phones()), so, w);
            }
        } finally {
            deleteQuietly(redisDir);
        }
        r.writeCsv(dir.resolve("soak-series.csv"));
        String md = r.toMarkdown();
        Files.writeString(dir.resolve("soak-report.md"), md);
        w.println();
        w.print(md);
        w.printf("%nsoak: %s (series: %s)%n", r.passed() ? "all verdicts passed" : "VERDICT FAILED",
                dir.resolve("soak-series.csv"));
        w.flush();
        return r.passed() ? 0 : 1;
    }

    /**
     * The portrait models train at start-up (CP_FRESH): a long run waits for that, so its series
     * shows the steady state; a short one (CI) lets it overlap the first seconds.
     */
    private void awaitFreshness(Application stack, java.io.PrintWriter w) throws InterruptedException {
        if (duration.toMinutes() >= 2 && stack.freshness().isPresent()
                && !stack.freshness().get().awaitReady(Duration.ofMinutes(3))) {
            w.println("soak: portrait freshness not ready after 3 minutes; starting anyway");
        }
    }

    private static String human(Duration d) {
        return d.toSecondsPart() == 0 && d.toMinutes() > 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary directory: the OS cleans it up
        }
    }

    /** A duration as {@link Durations#parse} reads it: {@code 10m}, {@code 45s}, {@code 500ms}, {@code 0}, {@code PT10M}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String v) {
            return Durations.parse(v).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                    "'" + v + "' is not a duration like 10m, 45s, 500ms"));
        }
    }
}
