package com.callportrait.bench.cli;

import com.callportrait.cli.InProcessTarget;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.engine.PortraitConfig;
import com.callportrait.portrait.gen.DatasetWriter;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.portrait.retrain.ModelChannel;
import com.callportrait.portrait.retrain.RetrainOptions;
import com.callportrait.portrait.retrain.RetrainScheduler;
import com.callportrait.profile.imports.DemoCustomers;
import com.callportrait.records.FreshOptions;
import com.callportrait.records.ProfileFreshness;
import com.callportrait.records.spool.SpoolOptions;
import com.callportrait.server.AppOptions;
import com.callportrait.server.Application;
import com.callportrait.server.RedisBackend;
import com.callportrait.server.Settings;
import com.callportrait.server.Telemetry;
import com.callportrait.simulator.call.CallMix;
import com.callportrait.simulator.call.Caller;
import com.callportrait.simulator.call.SimCall;
import com.callportrait.simulator.call.SimResult;
import com.callportrait.simulator.call.SimulatedAsterisk;
import com.callportrait.simulator.call.SimulationRun;
import com.callportrait.simulator.call.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retrain-load}: FastAGI and screen-pop latency of 50 simulated calls on an idle server and
 * on the same server while it retrains its portrait models on 100,000 customers' records in the
 * background (BENCHMARKS.md, "Retraining in the running server"). One instance per command-line
 * run, used on the main thread; not thread-safe.
 */
@Command(name = "retrain-load", mixinStandardHelpOptions = true,
        description = "Starts the application on loopback (embedded Redis, simulated Asterisk, speech off) with"
                + " CP_FRESH_DATA holding N generated customers' CRM and call records and no models; alternates a"
                + " round of 50 calls on the idle server with a round of 50 calls while it retrains in the background"
                + " (made due through the shared labelled-record counter; each loaded round inside one training),"
                + " --rounds times; prints FastAGI route and screen-pop"
                + " p50/p99 per phase and the ratio loaded / idle. Exit 0 when both p99s stay within 20 % of idle"
                + " (or within --slack-ms) and every loaded round ran inside a training.")
public final class RetrainLoadCommand extends BenchCommand {
    @Option(names = "--customers", defaultValue = "100000", description = "customers (default ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--contacts", defaultValue = "500000", description = "generated contacts (default ${DEFAULT-VALUE})")
    long contacts;

    @Option(names = "--data", paramLabel = "DIR",
            description = "the data directory (generated there when it has no customers.csv; reuse it between runs)")
    Path data;

    @Option(names = "--prepare-only", description = "generate the data directory and stop")
    boolean prepareOnly;

    @Option(names = "--calls", defaultValue = "50", description = "calls per round, all live at once (default ${DEFAULT-VALUE})")
    int calls;

    @Option(names = "--rounds", defaultValue = "4",
            description = "idle and loaded rounds, alternating, pooled per phase (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--cpu", defaultValue = "0.5", description = "CP_RETRAIN_CPU for the training (default ${DEFAULT-VALUE})")
    double cpu;

    @Option(names = "--wait-ms", defaultValue = "3000", description = "time each caller waits in the queue")
    long waitMs;

    @Option(names = "--stagger-ms", defaultValue = "100", description = "time between call arrivals")
    long staggerMs;

    @Option(names = "--slack-ms", defaultValue = "2.0",
            description = "a p99 within this many ms of idle also passes (sub-millisecond idle figures; default ${DEFAULT-VALUE})")
    double slackMs;

    @Override
    public Integer call() throws Exception {
        for (String name : new String[] {"com.callportrait.route", "com.callportrait.events", "com.callportrait.records",
                "com.callportrait.live", "com.callportrait.server", "com.callportrait.simulator",
                "com.callportrait.screenpop"}) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
        }
        Path dir = Files.createTempDirectory("cp-retrain-load");
        Path dataDir = data != null ? data : dir.resolve("data");
        if (!Files.exists(dataDir.resolve("customers.csv"))) {
            long t0 = System.nanoTime();
            GeneratorOptions g = GeneratorOptions.builder().seed(7).customers(customers).interactions(contacts)
                    .end(Instant.now().truncatedTo(ChronoUnit.DAYS)).build();
            try (DatasetWriter w = new DatasetWriter(dataDir, PortraitConfig.load().zone())) {
                new SyntheticSource(g).readInto(w);
            }
            out().printf(Locale.ROOT, "generated %,d customers into %s in %.1f s%n", customers, dataDir,
                    (System.nanoTime() - t0) / 1e9);
        }
        if (prepareOnly) {
            out().flush();
            return 0;
        }
        Settings configured = settings();
        AppOptions o = configured.app().toBuilder().bindAddress("127.0.0.1").build()
                .withRedis(Optional.empty(), 0).withPorts(0, 0, 0).withDataDir(dir);
        // the training is made due by the bench (below), never by the calls' own records
        RetrainOptions retrain = RetrainOptions.builder().minNew(1_000_000_000L).maxCustomers(customers)
                .cpuShare(cpu).check(Duration.ofMillis(200)).build();
        Settings s = configured.withApp(o).withSpool(SpoolOptions.under(dir)).withRetrain(retrain)
                .withFresh(FreshOptions.builder().data(Optional.of(dataDir)).generate(0).build())
                .withSpeech(com.callportrait.server.SpeechSettings.off());
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
             Telemetry telemetry = new Telemetry();
             SimulatedAsterisk pbx = SimulatedAsterisk.start()) {
            DemoCustomers.seed(redis.store(), o.phones(), Clock.systemUTC());
            try (Application app = Application.start(s.withLive(InProcessTarget.liveOptions(configured.live(), pbx)),
                    redis, telemetry)) {
                ProfileFreshness fresh = app.freshness().orElseThrow();
                long tl = System.nanoTime();
                if (!fresh.awaitReady(Duration.ofMinutes(10))) {
                    out().println("histories did not load within 10 minutes");
                    return 1;
                }
                out().printf(Locale.ROOT, "server ready with %,d customer histories (loaded in %.1f s), no models%n",
                        fresh.historiesAtStart(), (System.nanoTime() - tl) / 1e9);
                RetrainScheduler scheduler = fresh.retraining().orElseThrow();
                Target target = InProcessTarget.of(app);
                List<Caller> callers = InProcessTarget.demoCallers(o.phones());
                SimulationRun.run(target, pbx, mix(callers, calls), 50, calls); // JIT warm-up, not measured
                System.gc(); // the loading's garbage is not the idle phase's
                // idle and loaded rounds alternate, so both see the same machine; each loaded round
                // runs entirely inside one retraining (made due for it), which is checked
                Pool idle = new Pool();
                Pool loaded = new Pool();
                List<RetrainScheduler.Run> trainings = new ArrayList<>();
                int overlapped = 0;
                for (int round = 0; round < rounds; round++) {
                    idle.add(round(target, pbx, callers));
                    int before = scheduler.runs();
                    // as if CP_RETRAIN_MIN_NEW labelled records had arrived on any instance
                    redis.connector().sync().incrby(ModelChannel.LABELLED, retrain.minNew());
                    scheduler.checkNow();
                    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                    while (scheduler.runs() == before && System.nanoTime() < deadline) {
                        Thread.sleep(10);
                    }
                    Optional<RetrainScheduler.Run> previous = scheduler.lastRun();
                    Thread.sleep(500); // into the feature extraction
                    loaded.add(round(target, pbx, callers));
                    boolean inside = scheduler.lastRun().equals(previous);
                    overlapped += inside ? 1 : 0;
                    while (scheduler.lastRun().equals(previous)) {
                        Thread.sleep(50);
                    }
                    trainings.add(scheduler.lastRun().orElseThrow());
                }
                Phase idlePhase = idle.phase();
                Phase loadedPhase = loaded.phase();
                List<String[]> rows = List.of(idlePhase.row("idle"),
                        loadedPhase.row("retraining " + fresh.historiesAtStart() / 1000 + "k customers"));
                boolean agiOk = loadedPhase.agiP99 <= idlePhase.agiP99 * 1.2
                        || loadedPhase.agiP99 <= idlePhase.agiP99 + slackMs;
                boolean popOk = loadedPhase.popP99 <= idlePhase.popP99 * 1.2
                        || loadedPhase.popP99 <= idlePhase.popP99 + slackMs;
                var w = out();
                w.println("| phase | calls ok | FastAGI p50 | FastAGI p99 | pop p50 | pop p99 |");
                w.println("| --- | --- | --- | --- | --- | --- |");
                for (String[] r : rows) {
                    w.println("| " + String.join(" | ", r) + " |");
                }
                for (RetrainScheduler.Run run : trainings) {
                    w.printf(Locale.ROOT, "training: %s, %.1f s (%d ms of it paced to CP_RETRAIN_CPU=%.2f), thread %s;"
                                    + " risk v%d %s auc %.4f, segment v%d %s%n",
                            run.error() == null ? "ok" : run.error(), run.millis() / 1000.0, run.sleptMs(), cpu,
                            run.thread(), run.outcome() == null ? 0 : run.outcome().risk().version(),
                            run.outcome() == null ? "-" : run.outcome().risk().status(),
                            run.outcome() == null ? Double.NaN : run.outcome().risk().candidate(),
                            run.outcome() == null ? 0 : run.outcome().segment().version(),
                            run.outcome() == null ? "-" : run.outcome().segment().status());
                }
                w.printf(Locale.ROOT, "loaded rounds entirely inside a training: %d of %d%n", overlapped, rounds);
                w.printf(Locale.ROOT, "loaded / idle p99: FastAGI %.2fx (%s), pop %.2fx (%s)%n",
                        loadedPhase.agiP99 / idlePhase.agiP99, agiOk ? "within 20 %" : "NOT within 20 %",
                        loadedPhase.popP99 / idlePhase.popP99, popOk ? "within 20 %" : "NOT within 20 %");
                w.flush();
                boolean trained = trainings.stream().allMatch(t -> t.error() == null);
                return agiOk && popOk && overlapped == rounds && trained ? 0 : 1;
            }
        }
    }

    private List<SimCall> mix(List<Caller> callers, int n) {
        return CallMix.of(callers, n, Duration.ofMillis(waitMs), Duration.ofMillis(700), false);
    }

    private SimulationRun.Report round(Target target, SimulatedAsterisk pbx, List<Caller> callers) throws Exception {
        return SimulationRun.run(target, pbx, mix(callers, calls), 50, calls, Duration.ofMillis(staggerMs),
                (p, x) -> { });
    }

    /** The rounds of one phase, pooled. */
    private static final class Pool {
        private final List<Long> agi = new ArrayList<>();
        private final List<Long> pop = new ArrayList<>();
        private long ok;

        void add(SimulationRun.Report r) {
            for (SimResult x : r.results()) {
                if (x.ok()) {
                    agi.add(x.routeNanos());
                }
            }
            pop.addAll(r.popNanos());
            ok += r.ok();
        }

        Phase phase() {
            return new Phase(ok, SimulationRun.percentileMs(agi, 0.5), SimulationRun.percentileMs(agi, 0.99),
                    SimulationRun.percentileMs(pop, 0.5), SimulationRun.percentileMs(pop, 0.99));
        }
    }

    private record Phase(long ok, double agiP50, double agiP99, double popP50, double popP99) {
        String[] row(String name) {
            return new String[] {name, Long.toString(ok), ms(agiP50), ms(agiP99), ms(popP50), ms(popP99)};
        }

        private static String ms(double v) {
            return String.format(Locale.ROOT, "%.2f ms", v);
        }
    }
}
