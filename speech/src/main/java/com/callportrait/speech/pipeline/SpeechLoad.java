package com.callportrait.speech.pipeline;

/**
 * A snapshot of how loaded the speech engine is, for health checks and load tests. Counters are
 * totals since start (compare two snapshots for a rate); gauges are values at the snapshot.
 * Immutable and thread-safe.
 *
 * @param activeCalls      calls with an open transcriber
 * @param workers          recognition threads
 * @param waitingCalls     calls with audio waiting for a recognition thread (above {@code workers}: behind)
 * @param backlogFrames    audio frames waiting, all calls together
 * @param maxBacklogFrames the most frames any one call has waiting (its bound is {@code queueFrames})
 * @param queueFrames      the per-call bound ({@code CP_ASR_QUEUE_FRAMES}); a frame beyond it is shed
 * @param maxLagMillis     age of the oldest frame still waiting, over all calls: how far behind real time
 * @param framesReceived   audio frames received from AudioSocket (before any shedding)
 * @param framesShed       audio frames dropped because a call's queue was full
 * @param partialsDropped  partial results skipped because the call's audio waited too long (CP_ASR_PARTIAL_SKIP_LAG_MS)
 * @param finals           final utterance results emitted
 * @param listening        whether the AudioSocket server is bound and accepting
 */
public record SpeechLoad(int activeCalls, int workers, int waitingCalls, long backlogFrames, int maxBacklogFrames,
                         int queueFrames, long maxLagMillis, long framesReceived, long framesShed,
                         long partialsDropped, long finals, boolean listening) {
    public SpeechLoad {
        if (activeCalls < 0 || workers < 1 || waitingCalls < 0 || backlogFrames < 0 || maxBacklogFrames < 0
                || queueFrames < 1 || maxLagMillis < 0 || framesReceived < 0 || framesShed < 0 || partialsDropped < 0
                || finals < 0) {
            throw new IllegalArgumentException("negative or empty speech load figure");
        }
    }
}
