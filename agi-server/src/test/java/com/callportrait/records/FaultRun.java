package com.callportrait.records;

import com.callportrait.portrait.collect.InteractionStream;
import com.callportrait.profile.redis.RedisConnector;
import com.callportrait.simulator.call.CallSimulator;
import com.callportrait.simulator.call.Mood;
import com.callportrait.simulator.call.SimCall;
import com.callportrait.simulator.call.SimResult;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Shared pieces of the record fault tests: call load, stream contents, settings, the summary line. */
final class FaultRun {
    private FaultRun() {
    }

    /** A fault-test setting: a system property (long runs: {@code -Dname=value}), else the CI default. */
    static long setting(String name, long ci) {
        return Long.getLong(name, ci);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Environment of a light {@code serve}: no speech, no portrait training, ports chosen by the OS. */
    static Map<String, String> env(Path dataDir, int amiPort, String amiSecret) {
        Map<String, String> env = new HashMap<>();
        env.put("CP_DATA_DIR", dataDir.toString());
        env.put("CP_AGI_PORT", "0");
        env.put("CP_HTTP_PORT", "0");
        env.put("CP_AUDIOSOCKET_PORT", "0");
        env.put("CP_BIND_ADDRESS", "127.0.0.1");
        env.put("CP_SPEECH", "off");
        env.put("CP_FRESH_GENERATE", "0"); // records are written; no models are trained in the child
        env.put("CP_AMI_URI", "ami://callportrait:" + amiSecret + "@127.0.0.1:" + amiPort);
        env.put("CP_LOG_LEVEL", "INFO");
        env.put("CP_SHUTDOWN_GRACE_MS", "2000");
        return env;
    }

    /** The i-th scripted call: known-looking numbers, short waits; every third one answers the survey. */
    static SimCall call(int i) {
        return new SimCall("55501" + String.format("%05d", i % 100_000), "Caller " + i, Mood.values()[i % 3],
                Duration.ofMillis(150), Duration.ofMillis(20), i % 3 == 0 ? "4" : "");
    }

    /** Plays calls back to back ({@code concurrency} at a time) until {@code running} says stop. */
    static List<SimResult> playWhile(CallSimulator sim, int concurrency, int firstIndex,
                                     java.util.function.BooleanSupplier running) throws Exception {
        List<CompletableFuture<SimResult>> all = new ArrayList<>();
        List<CompletableFuture<SimResult>> inFlight = new ArrayList<>();
        int i = firstIndex;
        while (running.getAsBoolean()) {
            inFlight.removeIf(CompletableFuture::isDone);
            while (inFlight.size() < concurrency) {
                CompletableFuture<SimResult> f = sim.play(call(i++));
                inFlight.add(f);
                all.add(f);
            }
            Thread.sleep(10);
        }
        List<SimResult> out = new ArrayList<>();
        for (CompletableFuture<SimResult> f : all) {
            out.add(f.get(60, TimeUnit.SECONDS));
        }
        return out;
    }

    /** Record id → how many stream entries carry it, over every partition, per kind. */
    static Map<String, Integer> ridCounts(RedisConnector c, int partitions, boolean feedback) {
        Map<String, Integer> n = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            for (StreamMessage<String, String> m : c.sync().xrange(InteractionStream.key(p), Range.create("-", "+"))) {
                if ("feedback".equals(m.getBody().get("kind")) == feedback) {
                    n.merge(m.getBody().get("rid"), 1, Integer::sum);
                }
            }
        }
        return n;
    }

    /** The condition, or false while the test's own Redis connection is still reconnecting. */
    static boolean readable(java.util.function.BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (io.lettuce.core.RedisException e) {
            return false;
        }
    }

    static long doubled(Map<String, Integer> counts) {
        return counts.values().stream().filter(v -> v > 1).count();
    }
}
