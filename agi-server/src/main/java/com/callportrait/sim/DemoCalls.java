package com.callportrait.sim;

import com.callportrait.server.Application;
import com.callportrait.profile.CustomerProfile;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's endless stream of simulated calls: a new call every few seconds, moods in turn
 * (calm, angry, escalating), answered by agent1..agent3, so the agent and supervisor pages always
 * have something to show. When speech is on, every caller speaks the bundled recording over
 * AudioSocket (real transcripts and emotions); otherwise the moods' scripted lines are used.
 * Daemon threads; stops with the JVM.
 */
public final class DemoCalls {
    private DemoCalls() {
    }

    public static void start(Application stack, LiveDemo demo, List<CustomerProfile> customers, Duration every) {
        // Real audio when the speech engine runs: the callers' words go through AudioSocket and Vosk.
        Optional<AudioCaller> audio = stack.speech().map(sp -> AudioCaller.bundled(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(),
                        sp.audioSocketAddress().getPort())));
        CallSimulator sim = CallSimulator.create(stack.agiAddress(), demo.ami(), Optional.of(stack.calls()),
                audio, 3, 6);
        List<SimCall> calls = LiveDemo.mix(customers, 21, Duration.ofSeconds(8), Duration.ofMillis(2500), true);
        AtomicInteger next = new AtomicInteger();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-calls");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> sim.play(calls.get(next.getAndIncrement() % calls.size())),
                2000, every.toMillis(), TimeUnit.MILLISECONDS);
    }
}
