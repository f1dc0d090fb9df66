package com.callportrait.sim;

import com.callportrait.ami.AmiMessage;
import com.callportrait.calls.SpeechUpdates;
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
 * queue's AMI events through {@link SimAmiServer}, the caller's utterances through the speech
 * seam (when given: in-process runs), an agent from a pool of {@code agent1..agentN}, and the
 * {@code survey} session at the end. One thread per call in progress (the calls block on their
 * script's pauses); thread-safe.
 *
 * <p>Speech: with an {@link AudioCaller} the caller's recorded voice is streamed to the
 * application's AudioSocket server (real recognition, emotion and redaction); without one, the
 * scripted, already-redacted utterances and their emotion readings are delivered through
 * {@link SpeechUpdates} (in-process only; cheap, for load runs).
 */
public final class CallSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CallSimulator.class);
    private static final AtomicLong UNIQUE = new AtomicLong(System.currentTimeMillis() / 1000 * 1000);

    private final InetSocketAddress agi;
    private final SimAmiServer ami;
    private final Optional<SpeechUpdates> speech;
    private final Optional<AudioCaller> audio;
    private final BlockingQueue<String> freeAgents = new LinkedBlockingQueue<>();
    private final ExecutorService pool;
    private final AtomicInteger waiting = new AtomicInteger();

    private CallSimulator(InetSocketAddress agi, SimAmiServer ami, Optional<SpeechUpdates> speech,
                          Optional<AudioCaller> audio, int agents, int concurrency) {
        this.agi = agi;
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
    public static CallSimulator create(InetSocketAddress agi, SimAmiServer ami, Optional<SpeechUpdates> speech,
                                       int agents, int concurrency) {
        return new CallSimulator(agi, ami, speech, Optional.empty(), agents, concurrency);
    }

    /**
     * As above, but when {@code audio} is given each caller <em>speaks</em>: the recording is
     * streamed to the AudioSocket server under the call's CP_UUID while the caller waits, and the
     * transcript and emotions come from the application's own speech pipeline; the scripted lines
     * are then not delivered.
     */
    public static CallSimulator create(InetSocketAddress agi, SimAmiServer ami, Optional<SpeechUpdates> speech,
                                       Optional<AudioCaller> audio, int agents, int concurrency) {
        return new CallSimulator(agi, ami, speech, audio, agents, concurrency);
    }

    /** Plays one call in the background. */
    public CompletableFuture<SimResult> play(SimCall call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return run(call);
            } catch (Exception e) {
                log.warn("simulated call from {} failed: {}", call.phone(), e.toString());
                return new SimResult("", "", "", "", -1, -1, e.toString());
            }
        }, pool);
    }

    private SimResult run(SimCall call) throws Exception {
        long n = UNIQUE.incrementAndGet();
        String uid = (n / 1000) + "." + (n % 1000);
        String channel = String.format("PJSIP/trunk-%08x", n);
        Map<String, String> vars = SimAgiClient.run(agi, "route", channel, uid, call.phone(), call.callerName(), "",
                Map.of());
        String callId = vars.getOrDefault("CP_UUID", "");
        String queue = vars.getOrDefault("CP_QUEUE", "support");
        if (callId.isEmpty()) {
            return new SimResult("", channel, queue, "", -1, -1, "the route script set no CP_UUID");
        }
        AmiEvents.Leg caller = new AmiEvents.Leg(channel, uid, uid, call.phone(), call.callerName(), "cp-inbound",
                call.phone().isEmpty() ? "s" : call.phone());
        ami.channelUp(channel, uid, queue);
        int pos = waiting.incrementAndGet();
        ami.broadcast(AmiEvents.queueCallerJoin(caller, queue, pos, pos));
        long start = System.nanoTime();
        long angryEnd = -1;
        int utterance = 0;
        if (audio.isPresent()) {
            pause(call.gap().toMillis());
            audio.get().stream(callId);
        }
        for (Mood.Line line : audio.isPresent() ? List.<Mood.Line>of() : call.mood().waiting()) {
            pause(call.gap().toMillis());
            utterance++;
            long end = say(callId, utterance, line);
            if (angryEnd < 0 && line.reading().label() == com.callportrait.speech.emotion.EmotionLabel.ANGRY) {
                angryEnd = end;
            }
        }
        pause(call.queueWait().toMillis() - (System.nanoTime() - start) / 1_000_000);
        String agent = freeAgents.take();
        long connectAt;
        try {
            String iface = "Local/" + agent + "@cp-agents";
            AmiEvents.Leg agentLeg = new AmiEvents.Leg(iface + "-" + Long.toHexString(n) + ";1", uid + "1", uid,
                    call.phone(), call.callerName(), "cp-agents", call.phone());
            ami.broadcast(AmiEvents.agent("AgentCalled", caller, agentLeg, queue, iface, agent));
            pause(150);
            waiting.decrementAndGet();
            ami.channelLeftQueue(channel);
            ami.broadcast(AmiEvents.queueCallerLeave(caller, queue, Math.max(0, waiting.get())));
            connectAt = System.nanoTime();
            ami.broadcast(AmiEvents.agent("AgentConnect", caller, agentLeg, queue, iface, agent,
                    "HoldTime", Long.toString((connectAt - start) / 1_000_000_000L), "RingTime", "0"));
            for (Mood.Line line : audio.isPresent() ? List.<Mood.Line>of() : call.mood().talking()) {
                pause(call.gap().toMillis());
                utterance++;
                say(callId, utterance, line);
            }
            pause(call.gap().toMillis());
            ami.broadcast(AmiEvents.agent("AgentComplete", caller, agentLeg, queue, iface, agent,
                    "HoldTime", "0", "TalkTime", "5", "Reason", "agent"));
            if (!call.surveyDtmf().isEmpty()) {
                SimAgiClient.run(agi, "survey", channel, uid, call.phone(), call.callerName(), call.surveyDtmf(),
                        Map.of("CP_UUID", callId));
            }
            ami.channelDown(channel);
            ami.broadcast(AmiEvents.hangup(caller, "16", "Normal Clearing"));
        } finally {
            freeAgents.add(agent);
        }
        return new SimResult(callId, channel, queue, agent, angryEnd, connectAt, "");
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
        speech.get().emotion(callId, n, line.reading());
        return end;
    }

    private static void pause(long ms) throws InterruptedException {
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    /** Sends the AMI event as-is (tests). */
    void broadcast(AmiMessage m) {
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
