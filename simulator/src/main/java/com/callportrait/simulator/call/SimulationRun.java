package com.callportrait.simulator.call;

import com.callportrait.simulator.ami.AmiEndpoint;
import com.callportrait.simulator.observe.PopWatcher;
import com.callportrait.simulator.observe.ServerMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Plays a batch of calls against an application whose AMI client logs in to the
 * {@link SimulatedAsterisk}, with one WebSocket per agent, and measures: AgentConnect sent →
 * screen pop received, and end of the first angry utterance → QueueChangePriorityCaller received
 * by the AMI endpoint. Live calls left afterwards are read from the application's
 * {@code /metrics}. Stateless; {@link #run} blocks until the batch is over.
 */
public final class SimulationRun {
    /**
     * @param results        every call's result
     * @param popNanos       AgentConnect → pop received, per call that got one
     * @param actionNanos    angry utterance end → AMI action received, per angry call that got one
     * @param actions        AMI actions received by name
     * @param liveCallsAfter calls still in the application's live state afterwards (0 = no leak; -1 = unknown)
     */
    public record Report(List<SimResult> results, List<Long> popNanos, List<Long> actionNanos,
                         Map<String, Integer> actions, int liveCallsAfter) {
        public long ok() {
            return results.stream().filter(SimResult::ok).count();
        }
    }

    private SimulationRun() {
    }

    public static Report run(Target target, SimulatedAsterisk demo, List<SimCall> calls, int agents,
                             int concurrency) throws Exception {
        return run(target, demo, calls, agents, concurrency, Duration.ZERO, (pops, results) -> { });
    }

    /** As {@link #run(Target, SimulatedAsterisk, List, int, int)}; {@code inspect} sees the agents' sockets before they close. */
    public static Report run(Target target, SimulatedAsterisk demo, List<SimCall> calls, int agents, int concurrency,
                             Duration stagger, java.util.function.BiConsumer<PopWatcher, List<SimResult>> inspect)
            throws Exception {
        demo.awaitLogin(Duration.ofSeconds(15));
        ServerMetrics metrics = ServerMetrics.of(target.http());
        try (PopWatcher pops = PopWatcher.connect(target.http().getPort(), agents,
                a -> target.tokens().agent(a, Duration.ofHours(1)));
             CallSimulator sim = CallSimulator.create(target.agi(), demo.ami(), target.speech(), agents,
                     concurrency)) {
            int before = demo.ami().received().size();
            List<CompletableFuture<SimResult>> running = new ArrayList<>();
            for (SimCall c : calls) {
                running.add(sim.play(c));
                if (!stagger.isZero()) {
                    Thread.sleep(stagger.toMillis());
                }
            }
            List<SimResult> results = new ArrayList<>();
            for (CompletableFuture<SimResult> f : running) {
                results.add(f.get(5, TimeUnit.MINUTES));
            }
            // Let the last pushes and Hangups land.
            long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (metrics.liveCalls() != 0 && System.nanoTime() < settle) {
                Thread.sleep(20);
            }
            inspect.accept(pops, results);
            List<AmiEndpoint.Received> received = demo.ami().received();
            received = received.subList(Math.min(before, received.size()), received.size());
            Map<String, Integer> byName = new TreeMap<>();
            received.forEach(r -> byName.merge(r.action().value("Action"), 1, Integer::sum));
            List<Long> pop = new ArrayList<>();
            List<Long> act = new ArrayList<>();
            for (SimResult r : results) {
                long p = pops.connectedPopNanos(r.callId());
                if (r.ok() && p > 0) {
                    pop.add(p - r.connectNanos());
                }
                if (r.ok() && r.angryEndNanos() > 0) {
                    received.stream().filter(x -> x.action().value("Action").equals("QueueChangePriorityCaller")
                                    && x.action().value("Caller").equals(r.channel())).findFirst()
                            .ifPresent(x -> act.add(x.nanos() - r.angryEndNanos()));
                }
            }
            return new Report(results, pop, act, byName, metrics.liveCalls());
        }
    }

    /** The q-quantile (0..1) of nanosecond samples, in milliseconds. */
    public static double percentileMs(List<Long> nanos, double q) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> s = new ArrayList<>(nanos);
        s.sort(null);
        int i = (int) Math.ceil(q * s.size()) - 1;
        return s.get(Math.max(0, Math.min(i, s.size() - 1))) / 1e6;
    }
}
