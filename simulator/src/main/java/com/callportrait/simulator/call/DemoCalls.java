package com.callportrait.simulator.call;

import com.callportrait.simulator.audio.AudioCaller;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's endless stream of simulated calls: a new call every few seconds, moods in turn
 * (calm, angry, escalating), answered by agent1..agent3, so the agent and supervisor pages always
 * have something to show. When the application runs speech (the target has an AudioSocket
 * address), every caller speaks the bundled recording over AudioSocket (real transcripts and
 * emotions); otherwise the moods' scripted lines go to the target's {@link ScriptedSpeech}.
 * Daemon threads; stops with the JVM. Stateless; {@link #start} may be called from any thread.
 */
public final class DemoCalls {
    private DemoCalls() {
    }

    /**
     * Starts a call every {@code every} (the first after 2 s) from {@code callers} in turn.
     *
     * @return stops starting calls (calls already under way go on); call it before the server stops
     */
    public static Runnable start(Target target, SimulatedAsterisk demo, List<Caller> callers, Duration every) {
        // Real audio when the speech engine runs: the callers' words go through AudioSocket and Vosk.
        var audio = target.audioSocket().map(a -> AudioCaller.bundled(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), a.getPort())));
        CallSimulator sim = CallSimulator.create(target.agi(), demo.ami(), target.speech(), audio, 3, 6);
        List<SimCall> calls = CallMix.of(callers, 21, Duration.ofSeconds(8), Duration.ofMillis(2500), true);
        AtomicInteger next = new AtomicInteger();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-calls");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> sim.play(calls.get(next.getAndIncrement() % calls.size())),
                2000, every.toMillis(), TimeUnit.MILLISECONDS);
        return timer::shutdownNow;
    }
}
