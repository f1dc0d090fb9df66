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
import com.callportrait.bench.portrait.GcPauses;
import com.callportrait.bench.portrait.RoundPercentiles;
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
                + " CP_FRESH_DATA holding N generated customers' CRM and call records and no models; alternates"
                + " --idle-block rounds of 50 overlapping calls on the idle server with rounds of 50 calls played back to"
                + " back while it retrains in the background (made due through the shared labelled-record counter;"
                + " only rounds entirely inside the training count) until each phase has --rounds rounds; prints"
                + " FastAGI route and screen-pop p50/p99 per phase with a bootstrap interval over rounds, the ratio"
                + " loaded / idle, and the GC pauses and process CPU of each phase. Exit 0 when both p99s stay within"
                + " 20 % of idle (or within --slack-ms) and every training succeeded.")
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

    @Option(names = "--rounds", defaultValue = "10",
            description = "rounds per phase, pooled: at least this many idle and this many loaded rounds (default"
                    + " ${DEFAULT-VALUE}, i.e. 500 calls per phase)")
    int rounds;

    @Option(names = "--idle-block", defaultValue = "5",
            description = "idle rounds played before each training (default ${DEFAULT-VALUE})")
    int idleBlock;

    @Option(names = "--cpu", defaultValue = "0.25", description = "CP_RETRAIN_CPU for the training (default ${DEFAULT-VALUE})")
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
                // the first insights refresh reads the same records at start: neither phase may see it
                long ti = System.nanoTime();
                while (app.insights().isPresent() && app.insights().get().current().isEmpty()
                        && System.nanoTime() - ti < Duration.ofMinutes(10).toNanos()) {
                    Thread.sleep(100);
                }
                out().printf(Locale.ROOT, "first insights refresh %s %.1f s after the histories%n",
                        app.insights().isEmpty() ? "off;" : "done", (System.nanoTime() - ti) / 1e9);
                RetrainScheduler scheduler = fresh.retraining().orElseThrow();
                Target target = InProcessTarget.of(app);
                List<Caller> callers = InProcessTarget.demoCallers(o.phones());
                SimulationRun.run(target, pbx, mix(callers, calls), 50, calls); // JIT warm-up, not measured
                System.gc(); // the loading's garbage is not the idle phase's
                return measure(redis, retrain, scheduler, target, pbx, callers, fresh.historiesAtStart());
            }
        }
    }

    /**
     * Cycles of a block of idle rounds, then one training made due, with loaded rounds back to back
     * from 0.5 s after its start until it ends (so they cover the whole training, reading, fitting
     * and the outlook models alike); a loaded round that was still running when the training ended
     * is reported and left out. Cycles repeat until both phases have {@code --rounds} rounds.
     */
    private int measure(RedisBackend redis, RetrainOptions retrain, RetrainScheduler scheduler, Target target,
                        SimulatedAsterisk pbx, List<Caller> callers, long histories) throws Exception {
        var w = out();
        Phase idle = new Phase("idle");
        Phase loaded = new Phase("retraining " + histories / 1000 + "k customers");
        List<RetrainScheduler.Run> trainings = new ArrayList<>();
        List<Integer> perTraining = new ArrayList<>();
        int outside = 0;
        long wall0 = System.nanoTime();
        try (GcPauses gc = GcPauses.start()) {
            while (idle.rounds() < rounds || loaded.rounds() < rounds) {
                for (int k = 0; k < idleBlock && (idle.rounds() < rounds || k == 0); k++) {
                    idle.add(round(target, pbx, callers), gc);
                }
                if (loaded.rounds() >= rounds) {
                    continue;
                }
                int before = scheduler.runs();
                Optional<RetrainScheduler.Run> previous = scheduler.lastRun();
                // as if CP_RETRAIN_MIN_NEW labelled records had arrived on any instance
                redis.connector().sync().incrby(ModelChannel.LABELLED, retrain.minNew());
                scheduler.checkNow();
                long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (scheduler.runs() == before && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                if (scheduler.runs() == before) {
                    w.println("the training did not start within a minute");
                    w.flush();
                    return 1;
                }
                Thread.sleep(500); // past the lease and into the reading
                int inside = 0;
                while (scheduler.lastRun().equals(previous)) {
                    Round r = round(target, pbx, callers);
                    if (scheduler.lastRun().equals(previous)) {
                        loaded.add(r, gc);
                        inside++;
                    } else {
                        outside++; // the training ended during this round: neither idle nor loaded
                    }
                }
                perTraining.add(inside);
                trainings.add(scheduler.lastRun().orElseThrow());
                if (trainings.size() >= 3 * rounds) {
                    w.printf(Locale.ROOT, "stopped after %d trainings: too few loaded rounds fit inside them%n",
                            trainings.size());
                    break;
                }
            }
            idle.gcDuring(gc);
            loaded.gcDuring(gc);
        }
        w.printf(Locale.ROOT, "%d idle and %d loaded rounds of %d calls in %.0f s; %d loaded round(s) overran the end"
                        + " of their training and are left out; loaded rounds per training: %s%n",
                idle.rounds(), loaded.rounds(), calls, (System.nanoTime() - wall0) / 1e9, outside, perTraining);
        w.println("| phase | rounds | calls ok | FastAGI p50 | FastAGI p99 [95 % CI] | pop p50 | pop p99 [95 % CI] |");
        w.println("| --- | --- | --- | --- | --- | --- | --- |");
        w.println(idle.row());
        w.println(loaded.row());
        double[] agiRatio = RoundPercentiles.ratioInterval(loaded.agi, idle.agi, 0.99, BOOTSTRAP, 11);
        double[] popRatio = RoundPercentiles.ratioInterval(loaded.pop, idle.pop, 0.99, BOOTSTRAP, 12);
        double agiX = loaded.agi.quantileMs(0.99) / idle.agi.quantileMs(0.99);
        double popX = loaded.pop.quantileMs(0.99) / idle.pop.quantileMs(0.99);
        w.printf(Locale.ROOT, "loaded / idle p99: FastAGI %.2fx [95 %% CI %.2f-%.2f] (%s), pop %.2fx [%.2f-%.2f] (%s)%n",
                agiX, agiRatio[0], agiRatio[1], agiX <= 1.2 ? "within 20 %" : "NOT within 20 %",
                popX, popRatio[0], popRatio[1], popX <= 1.2 ? "within 20 %" : "NOT within 20 %");
        for (Phase ph : List.of(idle, loaded)) {
            w.printf(Locale.ROOT, "%s: per-round p99 (= the slowest call or two of %d) FastAGI %s ms, pop %s ms%n",
                    ph.name, calls, spread(ph.agi.perRoundMs(0.99)), spread(ph.pop.perRoundMs(0.99)));
            w.printf(Locale.ROOT, "%s: %s; process CPU %.2f cores%n", ph.name, ph.gcLine(), ph.cores());
        }
        for (RetrainScheduler.Run run : trainings) {
            w.printf(Locale.ROOT, "training: %s, %.1f s (%d ms of it paced to CP_RETRAIN_CPU=%.2f), thread %s;"
                            + " risk v%d %s auc %.4f, segment v%d %s; versions %s%n",
                    run.error() == null ? "ok" : run.error(), run.millis() / 1000.0, run.sleptMs(), cpu,
                    run.thread(), run.outcome() == null ? 0 : run.outcome().risk().version(),
                    run.outcome() == null ? "-" : run.outcome().risk().status(),
                    run.outcome() == null ? Double.NaN : run.outcome().risk().candidate(),
                    run.outcome() == null ? 0 : run.outcome().segment().version(),
                    run.outcome() == null ? "-" : run.outcome().segment().status(),
                    run.outcome() == null ? "-" : run.outcome().current().versions());
        }
        w.printf(Locale.ROOT, "loaded rounds entirely inside a training: %d of %d played during one%n", loaded.rounds(),
                loaded.rounds() + outside);
        w.flush();
        boolean agiOk = agiX <= 1.2 || loaded.agi.quantileMs(0.99) <= idle.agi.quantileMs(0.99) + slackMs;
        boolean popOk = popX <= 1.2 || loaded.pop.quantileMs(0.99) <= idle.pop.quantileMs(0.99) + slackMs;
        boolean trained = trainings.stream().allMatch(t -> t.error() == null);
        return agiOk && popOk && trained && loaded.rounds() >= rounds ? 0 : 1;
    }

    private static final int BOOTSTRAP = 2000;

    private static String spread(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f (min / median / max)", s[0], s[s.length / 2],
                s[s.length - 1]);
    }

    private List<SimCall> mix(List<Caller> callers, int n) {
        return CallMix.of(callers, n, Duration.ofMillis(waitMs), Duration.ofMillis(700), false);
    }

    /** One round's latencies with when each happened (for the GC overlap), and the round's span. */
    private record Round(List<Long> agi, List<long[]> agiAt, List<Long> pop, List<long[]> popAt, long ok, long from,
                         long to, long cpuNanos) { }

    private Round round(Target target, SimulatedAsterisk pbx, List<Caller> callers) throws Exception {
        List<long[]> popAt = new ArrayList<>();
        List<Long> pop = new ArrayList<>();
        long cpu0 = processCpu();
        long t0 = System.nanoTime();
        SimulationRun.Report r = SimulationRun.run(target, pbx, mix(callers, calls), 50, calls,
                Duration.ofMillis(staggerMs), (pops, results) -> {
                    for (SimResult x : results) {
                        long at = pops.connectedPopNanos(x.callId());
                        if (x.ok() && at > 0) {
                            popAt.add(new long[] {x.connectNanos(), at});
                            pop.add(at - x.connectNanos());
                        }
                    }
                });
        long t1 = System.nanoTime();
        List<Long> agi = new ArrayList<>();
        List<long[]> agiAt = new ArrayList<>();
        for (int i = 0; i < r.results().size(); i++) {
            SimResult x = r.results().get(i);
            if (x.ok()) {
                // the route session starts when its call is played (one every --stagger-ms): an
                // estimate, so the GC overlap allows 10 ms either side
                long start = t0 + i * staggerMs * 1_000_000L;
                agi.add(x.routeNanos());
                agiAt.add(new long[] {start - 10_000_000L, start + x.routeNanos() + 10_000_000L});
            }
        }
        return new Round(agi, agiAt, pop, popAt, r.ok(), t0, t1, processCpu() - cpu0);
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The rounds of one phase. */
    private static final class Phase {
        final String name;
        final RoundPercentiles agi = new RoundPercentiles();
        final RoundPercentiles pop = new RoundPercentiles();
        final List<Round> all = new ArrayList<>();
        long ok;
        String gc = "";

        Phase(String name) {
            this.name = name;
        }

        int rounds() {
            return all.size();
        }

        void add(Round r, GcPauses gcs) {
            all.add(r);
            agi.add(r.agi());
            pop.add(r.pop());
            ok += r.ok();
        }

        /** GC pauses inside this phase's rounds, and how many of its slowest calls overlapped one. */
        void gcDuring(GcPauses gcs) {
            List<GcPauses.Gc> pauses = new ArrayList<>();
            long wall = 0;
            for (Round r : all) {
                pauses.addAll(gcs.pausesBetween(r.from(), r.to()));
                wall += r.to() - r.from();
            }
            double total = pauses.stream().mapToDouble(GcPauses.Gc::millis).sum();
            double max = pauses.stream().mapToDouble(GcPauses.Gc::millis).max().orElse(0);
            gc = String.format(Locale.ROOT, "%d GC pauses in %.0f s of rounds (%.0f ms in all, longest %.1f ms, %s);"
                            + " calls at or above the p99 that overlapped a pause: FastAGI %s (approximate), pop %s;"
                            + " all calls that overlapped one: FastAGI %s, pop %s",
                    pauses.size(), wall / 1e9, total, max, causes(pauses), overlapping(gcs, true, true),
                    overlapping(gcs, false, true), overlapping(gcs, true, false), overlapping(gcs, false, false));
        }

        private String overlapping(GcPauses gcs, boolean route, boolean slowOnly) {
            double p99 = slowOnly ? (route ? agi : pop).quantileMs(0.99) : Double.NEGATIVE_INFINITY;
            int slow = 0;
            int paused = 0;
            for (Round r : all) {
                List<Long> v = route ? r.agi() : r.pop();
                List<long[]> at = route ? r.agiAt() : r.popAt();
                for (int i = 0; i < v.size(); i++) {
                    if (v.get(i) / 1e6 >= p99) {
                        slow++;
                        paused += gcs.pausedDuring(at.get(i)[0], at.get(i)[1]) ? 1 : 0;
                    }
                }
            }
            return paused + " of " + slow;
        }

        private static String causes(List<GcPauses.Gc> pauses) {
            java.util.Map<String, Integer> n = new java.util.TreeMap<>();
            pauses.forEach(g -> n.merge(g.name() + ": " + g.cause(), 1, Integer::sum));
            return n.toString();
        }

        String gcLine() {
            return gc;
        }

        double cores() {
            long cpu = all.stream().mapToLong(Round::cpuNanos).sum();
            long wall = all.stream().mapToLong(r -> r.to() - r.from()).sum();
            return wall == 0 ? 0 : cpu / (double) wall;
        }

        String row() {
            double[] a = agi.bootstrapMs(0.99, BOOTSTRAP, 1);
            double[] p = pop.bootstrapMs(0.99, BOOTSTRAP, 2);
            return String.format(Locale.ROOT, "| %s | %d | %d | %.2f ms | %.2f ms [%.2f-%.2f] | %.2f ms | %.2f ms [%.2f-%.2f] |",
                    name, rounds(), ok, agi.quantileMs(0.5), agi.quantileMs(0.99), a[0], a[1], pop.quantileMs(0.5),
                    pop.quantileMs(0.99), p[0], p[1]);
        }
    }
}
