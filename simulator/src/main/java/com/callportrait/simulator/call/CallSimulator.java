package com.callportrait.simulator.call;

import com.callportrait.simulator.agi.AgiCaller;
import com.callportrait.simulator.ami.AmiEndpoint;
import com.callportrait.simulator.ami.AmiEvents;
import com.callportrait.simulator.ami.AmiFrame;
import com.callportrait.simulator.audio.AudioCaller;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays {@link SimCall}s against a running application: the FastAGI {@code route} session, the
 * queue's AMI events through {@link AmiEndpoint}, the caller's utterances (streamed audio, or
 * scripted lines through a {@link ScriptedSpeech} when given), an agent from a pool of
 * {@code agent1..agentN}, and the
 * {@code survey} session at the end. One thread per call in progress (the calls block on their
 * script's pauses); thread-safe.
 *
 * <p>Speech: with an {@link AudioCaller} the caller's recorded voice is streamed to the
 * application's AudioSocket server (real recognition, emotion and redaction); without one, the
 * scripted, already-redacted utterances and their emotion readings are delivered through the
 * {@link ScriptedSpeech} (cheap, for load runs), or not at all when none is given. With a bound on speaking calls
 * ({@link #create(InetSocketAddress, AmiEndpoint, Optional, Optional, int, int, int)}), only that
 * many calls stream audio at a time; the others use the scripted lines.
 *
 * <p>Order as on a real PBX: the caller's channel exists (AMI {@code Status} lists it) before the
 * {@code route} session runs; a call that fails half-way is hung up (channel gone, {@code Hangup}).
 */
public final class CallSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CallSimulator.class);
    private static final AtomicLong UNIQUE = new AtomicLong(System.currentTimeMillis() / 1000 * 1000);

    private final InetSocketAddress agi;
    private final AmiEndpoint ami;
    private final Optional<ScriptedSpeech> speech;
    private final Optional<AudioCaller> audio;
    private final BlockingQueue<String> freeAgents = new LinkedBlockingQueue<>();
    private final ExecutorService pool;
    private final AtomicInteger waiting = new AtomicInteger();
    /** Calls that may stream audio at once; null = every call when audio is given. */
    private final java.util.concurrent.Semaphore audioSlots;

    private CallSimulator(InetSocketAddress agi, AmiEndpoint ami, Optional<ScriptedSpeech> speech,
                          Optional<AudioCaller> audio, int agents, int concurrency, int audioAtOnce) {
        this.agi = agi;
        this.audioSlots = audioAtOnce > 0 ? new java.util.concurrent.Semaphore(audioAtOnce) : null;
        this.audio = audio;
        this.ami = ami;
        this.speech = speech;
        for (int i = 1; i <= agents; i++) {
            freeAgents.add("agent" + i);
        }
        this.pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "sim-call");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param agents      agents answering (agent1..agentN, Interface {@code Local/agentN@cp-agents})
     * @param concurrency calls in progress at once
     */
    public static CallSimulator create(InetSocketAddress agi, AmiEndpoint ami, Optional<ScriptedSpeech> speech,
                                       int agents, int concurrency) {
        return new CallSimulator(agi, ami, speech, Optional.empty(), agents, concurrency, 0);
    }

    /**
     * As above, but when {@code audio} is given each caller <em>speaks</em>: the recording is
     * streamed to the AudioSocket server under the call's CP_UUID while the caller waits, and the
     * transcript and emotions come from the application's own speech pipeline; the scripted lines
     * are then not delivered.
     */
    public static CallSimulator create(InetSocketAddress agi, AmiEndpoint ami, Optional<ScriptedSpeech> speech,
                                       Optional<AudioCaller> audio, int agents, int concurrency) {
        return new CallSimulator(agi, ami, speech, audio, agents, concurrency, 0);
    }

    /**
     * As above, but at most {@code audioAtOnce} calls stream the recording at the same time (the
     * recogniser's CPU bound); a call that finds no free slot when it would speak uses the scripted
     * lines instead.
     */
    public static CallSimulator create(InetSocketAddress agi, AmiEndpoint ami, Optional<ScriptedSpeech> speech,
                                       Optional<AudioCaller> audio, int agents, int concurrency, int audioAtOnce) {
        if (audioAtOnce < 1) {
            throw new IllegalArgumentException("audioAtOnce must be >= 1, was " + audioAtOnce);
        }
        return new CallSimulator(agi, ami, speech, audio, agents, concurrency, audioAtOnce);
    }

    /** Plays one call in the background. */
    public CompletableFuture<SimResult> play(SimCall call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return run(call);
            } catch (Exception e) {
                log.warn("simulated call from {} failed: {}", call.phone(), e.toString());
                return SimResult.failed("", "", "", -1, e.toString());
            }
        }, pool);
    }

    private SimResult run(SimCall call) throws Exception {
        long n = UNIQUE.incrementAndGet();
        String uid = (n / 1000) + "." + (n % 1000);
        String channel = String.format("PJSIP/trunk-%08x", n);
        AmiEvents.Leg caller = new AmiEvents.Leg(channel, uid, uid, call.phone(), call.callerName(), "cp-inbound",
                call.phone().isEmpty() ? "s" : call.phone());
        ami.channelUp(channel, uid, "");
        try {
            return play(call, n, uid, channel, caller);
        } catch (Exception | Error e) {
            // the caller gives up: the channel goes away as on a real PBX
            ami.channelDown(channel);
            ami.broadcast(AmiEvents.hangup(caller, "16", "Normal Clearing"));
            throw e;
        }
    }

    private SimResult play(SimCall call, long n, String uid, String channel, AmiEvents.Leg caller) throws Exception {
        long r0 = System.nanoTime();
        Map<String, String> vars = AgiCaller.run(agi, "route", channel, uid, call.phone(), call.callerName(), "",
                Map.of());
        long routeNanos = System.nanoTime() - r0;
        String callId = vars.getOrDefault("CP_UUID", "");
        String queue = vars.getOrDefault("CP_QUEUE", "support");
        boolean degraded = "1".equals(vars.get("CP_DEGRADED"));
        if (callId.isEmpty()) {
            ami.channelDown(channel);
            ami.broadcast(AmiEvents.hangup(caller, "16", "Normal Clearing"));
            return SimResult.failed("", channel, queue, routeNanos, "the route script set no CP_UUID");
        }
        ami.channelUp(channel, uid, queue);
        int pos = waiting.incrementAndGet();
        ami.broadcast(AmiEvents.queueCallerJoin(caller, queue, pos, pos));
        long start = System.nanoTime();
        long angryEnd = -1;
        int utterance = 0;
        boolean speaks = audio.isPresent() && (audioSlots == null || audioSlots.tryAcquire());
        try {
            if (speaks) {
                try {
                    pause(call.gap().toMillis());
                    audio.get().stream(callId);
                } finally {
                    if (audioSlots != null) {
                        audioSlots.release();
                    }
                }
            }
            for (Mood.Line line : speaks ? List.<Mood.Line>of() : call.mood().waiting()) {
                pause(call.gap().toMillis());
                utterance++;
                long end = say(callId, utterance, line);
                if (angryEnd < 0 && line.emotion().feeling() == Mood.Feeling.ANGRY) {
                    angryEnd = end;
                }
            }
            pause(call.queueWait().toMillis() - (System.nanoTime() - start) / 1_000_000);
        } finally {
            waiting.decrementAndGet();
        }
        String agent = freeAgents.take();
        long connectAt;
        try {
            String iface = "Local/" + agent + "@cp-agents";
            // its own Uniqueid from the same sequence: uid + "1" would be another caller's (".20" + "1" = ".201"),
            // and Status now lists agent legs, so a caller who hung up would look alive
            long an = UNIQUE.incrementAndGet();
            AmiEvents.Leg agentLeg = new AmiEvents.Leg(String.format("%s-%08x;1", iface, an),
                    (an / 1000) + "." + (an % 1000), uid,
                    call.phone(), call.callerName(), "cp-agents", call.phone());
            ami.broadcast(AmiEvents.agent("AgentCalled", caller, agentLeg, queue, iface, agent));
            pause(150);
            ami.channelLeftQueue(channel);
            ami.broadcast(AmiEvents.queueCallerLeave(caller, queue, Math.max(0, waiting.get())));
            ami.channelBridged(channel, agentLeg.channel(), agentLeg.uniqueId(), queue, iface, agent);
            connectAt = System.nanoTime();
            ami.broadcast(AmiEvents.agent("AgentConnect", caller, agentLeg, queue, iface, agent,
                    "HoldTime", Long.toString((connectAt - start) / 1_000_000_000L), "RingTime", "0"));
            List<Mood.Line> talking = speaks ? List.<Mood.Line>of() : call.mood().talking();
            long step = call.talk().isZero() ? call.gap().toMillis() : call.talk().toMillis() / (talking.size() + 1);
            for (Mood.Line line : talking) {
                pause(step);
                utterance++;
                say(callId, utterance, line);
            }
            pause(call.talk().isZero() ? step : call.talk().toMillis() - (System.nanoTime() - connectAt) / 1_000_000);
            ami.broadcast(AmiEvents.agent("AgentComplete", caller, agentLeg, queue, iface, agent,
                    "HoldTime", "0", "TalkTime", Long.toString((System.nanoTime() - connectAt) / 1_000_000_000L),
                    "Reason", "agent"));
            if (!call.surveyDtmf().isEmpty()) {
                AgiCaller.run(agi, "survey", channel, uid, call.phone(), call.callerName(), call.surveyDtmf(),
                        Map.of("CP_UUID", callId));
            }
            ami.channelDown(channel);
            ami.broadcast(AmiEvents.hangup(caller, "16", "Normal Clearing"));
        } finally {
            freeAgents.add(agent);
        }
        return new SimResult(callId, channel, queue, agent, angryEnd, connectAt, "", routeNanos, degraded, speaks);
    }

    /** Delivers one utterance: a partial, the final, then its emotion; returns when it ended. */
    private long say(String callId, int n, Mood.Line line) {
        if (speech.isEmpty()) {
            return System.nanoTime();
        }
        String[] words = line.text().split(" ");
        speech.get().transcript(callId, n, false, String.join(" ", java.util.Arrays.copyOf(words, Math.max(1, words.length / 2))));
        long end = System.nanoTime();
        speech.get().transcript(callId, n, true, line.text());
        speech.get().emotion(callId, n, line.emotion());
        return end;
    }

    private static void pause(long ms) throws InterruptedException {
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    /** Sends the AMI event as-is (tests). */
    void broadcast(AmiFrame m) {
        ami.broadcast(m);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
