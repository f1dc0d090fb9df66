package com.callportrait.simulator.soak;

import com.callportrait.simulator.ami.AmiEndpoint;
import com.callportrait.simulator.audio.AudioCaller;
import com.callportrait.simulator.call.CallSimulator;
import com.callportrait.simulator.call.Caller;
import com.callportrait.simulator.call.SimCall;
import com.callportrait.simulator.call.SimResult;
import com.callportrait.simulator.call.SimulatedAsterisk;
import com.callportrait.simulator.call.Target;
import com.callportrait.simulator.observe.PopWatcher;
import com.callportrait.simulator.observe.ServerMetrics;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A soak run: keeps {@link SoakOptions#calls()} simulated calls up against an application (its
 * {@link Target}, AMI logged in to the {@link SimulatedAsterisk}) for
 * {@link SoakOptions#duration()} — each through the FastAGI {@code route},
 * the queue's AMI events, an agent's screen pop over WebSocket, optionally the survey, and the
 * hangup — samples the series every {@link SoakOptions#sampleEvery()}, optionally drops the AMI
 * connection on a schedule, and ends with the exact-once check of the interaction records in Redis
 * and the count of AMI actions per call. Call timing: {@link SoakPlan}; measurements:
 * {@link SoakMeter}. Everything about the application is read from outside: {@code /metrics}
 * (live calls, AMI login), its Redis (records, {@code used_memory}, the transcripts in
 * {@code cp:events}); heap, threads and file descriptors are this JVM's (the application runs in
 * it for {@code soak}). {@link #run} blocks its caller; each run has its own instance, thread-safe
 * because that run's timer and call threads share it.
 */
public final class SoakRun {
    private final Target target;
    private final SimulatedAsterisk demo;
    private final StatefulRedisConnection<String, String> redis;
    private final ServerMetrics server;
    private final SoakOptions options;
    private final SoakPlan plan;
    private final PrintWriter progress;
    private final SoakMeter meter;
    private final Set<String> completedIds = ConcurrentHashMap.newKeySet();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong drops = new AtomicLong();
    private final List<Long> reconnectMs = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "soak-timer");
        t.setDaemon(true);
        return t;
    });
    private volatile long deadline;

    private SoakRun(Target target, SimulatedAsterisk demo, StatefulRedisConnection<String, String> redis,
                    List<Caller> callers, SoakOptions options, PrintWriter progress) {
        this.target = target;
        this.demo = demo;
        this.redis = redis;
        this.server = ServerMetrics.of(target.http());
        this.options = options;
        this.plan = new SoakPlan(options, callers);
        this.progress = progress;
        this.meter = new SoakMeter(server, new SoakProbe(redis.sync()), options);
    }

    /**
     * Plays the run and returns its report; progress lines go to {@code progress}.
     *
     * @param redisUri the application's Redis ({@code redis://host:port}): records, memory, transcripts
     * @param callers  the known callers (numbers the application has portraits for)
     */
    public static SoakReport run(Target target, SimulatedAsterisk demo, String redisUri, List<Caller> callers,
                                 SoakOptions options, PrintWriter progress) throws Exception {
        RedisClient client = RedisClient.create(redisUri);
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            return new SoakRun(target, demo, redis, callers, options, progress).play(client);
        } finally {
            client.shutdown();
        }
    }

    private SoakReport play(RedisClient client) throws Exception {
        demo.awaitLogin(Duration.ofSeconds(30));
        int threadsBaseline = SoakProbe.threads();
        int receivedBefore = demo.ami().received().size();
        Optional<AudioCaller> audio = options.audioCalls() == 0 ? Optional.empty() : target.audioSocket().map(a ->
                AudioCaller.bundled(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(),
                        a.getPort())).withStartListener(meter::audioStarted));
        if (options.audioCalls() > 0 && audio.isEmpty()) {
            progress.println("soak: speech is off (CP_SPEECH=off): no call streams audio; transcript lag not measured");
        }
        Optional<TranscriptTail> transcripts = audio.map(a -> TranscriptTail.start(client, meter::transcriptFinal));
        CountDownLatch lines = new CountDownLatch(options.calls());
        try (PopWatcher pops = PopWatcher.connect(target.http().getPort(), options.calls(),
                a -> target.tokens().agent(a, Duration.ofHours(26)), false);
             CallSimulator sim = audio.isPresent()
                     ? CallSimulator.create(target.agi(), demo.ami(), target.speech(), audio,
                     options.calls(), options.calls(), options.audioCalls())
                     : CallSimulator.create(target.agi(), demo.ami(), target.speech(),
                     options.calls(), options.calls())) {
            meter.usePops(pops);
            long t0 = System.nanoTime();
            deadline = t0 + options.duration().toNanos();
            meter.start(t0);
            for (int i = 0; i < options.calls(); i++) {
                timer.schedule(() -> nextCall(sim, lines), SoakPlan.rampMillis(i, options.calls(), options.duration()),
                        TimeUnit.MILLISECONDS);
            }
            long every = options.sampleEvery().toMillis();
            timer.scheduleAtFixedRate(() -> sample(false), every, every, TimeUnit.MILLISECONDS);
            if (!options.dropAmiEvery().isZero()) {
                long d = options.dropAmiEvery().toMillis();
                timer.scheduleAtFixedRate(this::dropAmi, d, d, TimeUnit.MILLISECONDS);
            }
            if (!lines.await(options.duration().toMillis() + 180_000, TimeUnit.MILLISECONDS)) {
                failures.add("calls still running 3 minutes after the end of the run");
            }
            timer.shutdownNow();
            timer.awaitTermination(5, TimeUnit.SECONDS);
            settle();
            sample(true);
        } finally {
            timer.shutdownNow();
            transcripts.ifPresent(TranscriptTail::close);
        }
        SoakRecords.Check records = awaitRecords();
        List<String> duplicates = duplicateActions(receivedBefore);
        int threadsAfter = threadsAfter(threadsBaseline);
        Map<String, String> totals = meter.totals();
        totals.put("AMI drops (reconnect ms each)", drops.get() + " " + reconnectMs);
        totals.put("AMI logins / refused connections", demo.ami().logins() + " / " + demo.ami().refusedConnections());
        totals.put("AMI actions received", actionsByName(receivedBefore).toString());
        totals.put("interaction records (expected / read / foreign)", records.expected() + " / " + records.entries()
                + " / " + records.foreign());
        totals.put("failures (first 5)", failures.stream().limit(5).toList().toString());
        return new SoakReport(options, meter.samples(), totals, records, duplicates, threadsBaseline, threadsAfter,
                meter.failed());
    }

    private void nextCall(CallSimulator sim, CountDownLatch lines) {
        long remaining = deadline - System.nanoTime();
        if (remaining < TimeUnit.SECONDS.toNanos(3)) {
            lines.countDown();
            return;
        }
        SimCall call = plan.next(Duration.ofNanos(remaining));
        meter.started();
        sim.play(call).whenComplete((r, t) -> {
            SimResult res = r != null ? r : SimResult.failed("", "", "", -1, String.valueOf(t));
            meter.finished(res);
            if (res.ok()) {
                completedIds.add(res.callId());
            } else if (failures.size() < 100) {
                failures.add(res.failure());
            }
            try {
                timer.schedule(() -> nextCall(sim, lines), plan.thinkMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                lines.countDown(); // the run is over
            }
        });
    }

    private void sample(boolean last) {
        try {
            SoakSample s = meter.sample(last);
            progress.printf(java.util.Locale.ROOT, "soak %4.0fs: %d up, %d started, %d completed, %d failed | AGI p99 %s ms"
                            + " | pop p99 %s ms | lag p95 %s ms (n=%d) | heap %.0f MB after GC | %d threads | Redis %.1f MB | AMI %s%n",
                    s.seconds(), s.concurrent(), s.started(), s.completed(), s.failed(), num(s.agiP99Ms()),
                    num(s.popP99Ms()), num(s.lagP95Ms()), s.lagN(), s.heapAfterGcMb(), s.threads(), s.redisMb(),
                    s.amiUp() == 1 ? "up" : "down");
            progress.flush();
        } catch (RuntimeException e) {
            progress.println("soak: sample failed: " + e);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private void dropAmi() {
        if (deadline - System.nanoTime() < TimeUnit.SECONDS.toNanos(15)) {
            return; // not in the last seconds: the run should end re-synchronised
        }
        demo.ami().refuseConnectionsFor(options.refuseReconnect());
        long t = System.nanoTime();
        demo.ami().dropClients();
        drops.incrementAndGet();
        progress.printf("soak: AMI connection dropped; new connections refused for %d ms%n",
                options.refuseReconnect().toMillis());
        Thread w = new Thread(() -> {
            try {
                Thread.sleep(100);
                while (demo.ami().clients() == 0 && System.nanoTime() - t < TimeUnit.SECONDS.toNanos(60)) {
                    Thread.sleep(10);
                }
                reconnectMs.add((System.nanoTime() - t) / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "soak-reconnect-watch");
        w.setDaemon(true);
        w.start();
    }

    /** Lets the last Hangups land: the live call state empties. */
    private void settle() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (server.liveCalls() != 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }

    /** Records are appended asynchronously (and may wait out a fault): poll up to 60 s for them. */
    private SoakRecords.Check awaitRecords() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        SoakRecords.Check c;
        do {
            c = SoakRecords.check(SoakRecords.count(redis.sync()), completedIds);
            if (c.missingCount() == 0) {
                return c;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < until);
        return c;
    }

    private List<String> duplicateActions(int from) {
        Map<String, Integer> n = new TreeMap<>();
        List<AmiEndpoint.Received> got = demo.ami().received();
        for (AmiEndpoint.Received r : got.subList(Math.min(from, got.size()), got.size())) {
            String a = r.action().value("Action");
            if (a.equals("QueueChangePriorityCaller")) {
                n.merge(a + " " + r.action().value("Caller"), 1, Integer::sum);
            } else if (a.equals("Redirect")) {
                n.merge(a + " " + r.action().value("Channel"), 1, Integer::sum);
            }
        }
        List<String> dup = new ArrayList<>();
        n.forEach((k, v) -> {
            if (v > 1) {
                dup.add(k + " x" + v);
            }
        });
        return dup;
    }

    private Map<String, Integer> actionsByName(int from) {
        Map<String, Integer> n = new LinkedHashMap<>();
        List<AmiEndpoint.Received> got = demo.ami().received();
        got.subList(Math.min(from, got.size()), got.size())
                .forEach(r -> n.merge(r.action().value("Action"), 1, Integer::sum));
        return n;
    }

    private static int threadsAfter(int baseline) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        int n = SoakProbe.threads();
        while (n > baseline + 4 && System.nanoTime() < until) {
            System.gc(); // an unreferenced java.net.http client stops its selector thread when collected
            Thread.sleep(500);
            n = SoakProbe.threads();
        }
        return n;
    }
}
