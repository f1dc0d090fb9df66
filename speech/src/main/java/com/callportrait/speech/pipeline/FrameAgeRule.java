package com.callportrait.speech.pipeline;

import com.callportrait.speech.asr.AsrOptions;

/**
 * What a call's worker does with an audio frame, decided by how long the frame waited for it
 * (its age: now minus its arrival from the socket). Frames are handled in arrival order, so the
 * frame in hand is the oldest of the call's audio not yet heard: its age is how far recognition is
 * behind this call.
 *
 * <ul>
 *   <li>younger than {@code partialSkipNanos}: heard, with partial results as usual;</li>
 *   <li>from {@code partialSkipNanos}: heard, but partial results are skipped until the call
 *       catches up (overload, first step: partials cost little, and a late partial is of little use);</li>
 *   <li>from {@code staleNanos}: skipped unheard (second step: recognition jumps to the live audio
 *       instead of transcribing ever older audio).</li>
 * </ul>
 * Unlike a rule on how many calls wait for a thread, the age does not fire when many calls each
 * wait a few milliseconds, which is the normal state of a busy pool that keeps up.
 *
 * <p>Immutable and thread-safe.
 */
record FrameAgeRule(long partialSkipNanos, long staleNanos) {

    /** The decision for one frame. */
    enum Action {
        /** Heard; partial results as usual. */
        HEAR,
        /** Heard; no partial result for it. */
        HEAR_WITHOUT_PARTIAL,
        /** Too old: skipped unheard. */
        SKIP_STALE
    }

    private static final long FRAME_NANOS = 20_000_000L;

    FrameAgeRule {
        if (staleNanos <= 0 || partialSkipNanos <= 0) {
            throw new IllegalArgumentException("partialSkipNanos and staleNanos must be > 0");
        }
        partialSkipNanos = Math.min(partialSkipNanos, staleNanos); // partials never outlive the audio
    }

    /** The rule of {@code CP_ASR_PARTIAL_SKIP_LAG_MS} and {@code CP_ASR_QUEUE_FRAMES} (× 20 ms). */
    static FrameAgeRule of(AsrOptions options) {
        return new FrameAgeRule(options.partialSkipLagMs() * 1_000_000L, options.queueFrames() * FRAME_NANOS);
    }

    /** The decision for a frame that has waited {@code ageNanos} (negative counts as 0). */
    Action decide(long ageNanos) {
        if (ageNanos > staleNanos) {
            return Action.SKIP_STALE;
        }
        return ageNanos >= partialSkipNanos ? Action.HEAR_WITHOUT_PARTIAL : Action.HEAR;
    }
}
