package com.callportrait.bench.live;

import com.callportrait.simulator.ami.AmiEndpoint;
import com.callportrait.simulator.audio.AudioCaller;
import com.callportrait.simulator.call.CallSimulator;
import com.callportrait.simulator.call.Mood;
import com.callportrait.simulator.call.SimCall;
import com.callportrait.simulator.call.SimResult;
import com.callportrait.simulator.call.SimulatedAsterisk;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Plays calls whose caller speaks a complaint while waiting in the queue (real audio over
 * AudioSocket, real time) and measures, per call, from the end of the caller's utterance the rules
 * acted on to the simulated PBX receiving {@code QueueChangePriorityCaller} for that caller's
 * channel. The utterance acted on is the last one to end before the action arrived
 * ({@link SpeechEnd#utteranceEnds} of the recording, counted from the instant its first frame was
 * written): a recogniser's final comes after its utterance ended, and an action needs a final. Everything between is included: the rest of the audio on the wire,
 * end-of-utterance detection, recognition, redaction, emotion, the live policy and the AMI write.
 * A call whose action does not arrive before an agent answers counts as missed.
 *
 * <p>One run per instance; {@link #run} blocks until every call is over. Not thread-safe.
 */
public final class EscalationLatency {
    /**
     * @param calls       calls to play
     * @param concurrency calls speaking at once
     * @param stagger     pause between call starts
     * @param afterSpeech how long a caller still waits in the queue after the recording ends
     */
    public record Settings(int calls, int concurrency, Duration stagger, Duration afterSpeech) {
        public Settings {
            if (calls < 1 || concurrency < 1) {
                throw new IllegalArgumentException("calls and concurrency must be >= 1");
            }
        }
    }

    /**
     * @param latencyNanos   end of speech -> action received, per call that got one
     * @param missed         calls whose action did not come while they waited
     * @param failed         calls the simulator could not complete
     * @param speechEndMs    where speech ends in the recording
     * @param audioMs        the recording's length
     * @param actionsPerCall the most priority actions any one call got (1 = raised once)
     * @param actedAfter     per utterance of the recording (1-based), how many calls were raised after
     *                       it ended and before the next one did
     * @param utterances     the recording's utterances
     */
    public record Result(List<Long> latencyNanos, int missed, int failed, long speechEndMs, long audioMs,
                         int actionsPerCall, java.util.SortedMap<Integer, Integer> actedAfter, int utterances) {
    }

    private final InetSocketAddress agi;
    private final InetSocketAddress audioSocket;
    private final SimulatedAsterisk pbx;
    private final byte[] audio;

    public EscalationLatency(InetSocketAddress agi, InetSocketAddress audioSocket, SimulatedAsterisk pbx, byte[] audio) {
        this.agi = agi;
        this.audioSocket = audioSocket;
        this.pbx = pbx;
        this.audio = audio.clone();
    }

    public Result run(Settings s) throws Exception {
        long[] ends = SpeechEnd.utteranceEnds(audio);
        long speechEndMs = SpeechEnd.millis(audio);
        java.util.SortedMap<Integer, Integer> actedAfter = new java.util.TreeMap<>();
        Map<String, Long> started = new ConcurrentHashMap<>();
        AudioCaller voice = AudioCaller.of(audioSocket, audio).withStartListener(started::put);
        Duration wait = Duration.ofMillis(audio.length / 16L).plus(s.afterSpeech());
        List<SimResult> results = new ArrayList<>();
        try (CallSimulator sim = CallSimulator.create(agi, pbx.ami(), Optional.empty(), Optional.of(voice),
                s.concurrency(), s.concurrency())) {
            List<CompletableFuture<SimResult>> running = new ArrayList<>();
            for (int i = 0; i < s.calls(); i++) {
                running.add(sim.play(new SimCall("5551234", "Jane Doe", Mood.ANGRY, wait, Duration.ofMillis(200), "")));
                Thread.sleep(s.stagger().toMillis());
            }
            for (CompletableFuture<SimResult> f : running) {
                results.add(f.get(5, TimeUnit.MINUTES));
            }
        }
        List<AmiEndpoint.Received> received = pbx.ami().received();
        List<Long> latencies = new ArrayList<>();
        int missed = 0;
        int failed = 0;
        int most = 0;
        for (SimResult r : results) {
            if (!r.ok()) {
                failed++;
                continue;
            }
            List<AmiEndpoint.Received> raised = received.stream()
                    .filter(x -> x.action().value("Action").equals("QueueChangePriorityCaller")
                            && r.channel().equals(x.action().value("Caller"))).toList();
            most = Math.max(most, raised.size());
            Long t0 = started.get(r.callId());
            if (raised.isEmpty() || t0 == null || raised.get(0).nanos() > r.connectNanos()) {
                missed++;
                continue;
            }
            long at = raised.get(0).nanos() - t0;
            int u = ends.length - 1;
            while (u > 0 && TimeUnit.MILLISECONDS.toNanos(ends[u]) > at) {
                u--;
            }
            actedAfter.merge(u + 1, 1, Integer::sum);
            latencies.add(at - TimeUnit.MILLISECONDS.toNanos(ends[u]));
        }
        return new Result(latencies, missed, failed, speechEndMs, audio.length / 16L, most, actedAfter, ends.length);
    }

    /** The q-quantile (0..1) of nanosecond samples, in milliseconds (nearest rank). */
    public static double percentileMs(List<Long> nanos, double q) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
    }
}
