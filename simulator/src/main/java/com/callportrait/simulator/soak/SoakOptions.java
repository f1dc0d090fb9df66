package com.callportrait.simulator.soak;

import java.time.Duration;
import java.util.Objects;

/**
 * What a soak run plays: how many calls are kept up, for how long, how calls are timed, how many
 * of them speak real audio at once, how often the series is sampled and whether the AMI
 * connection is dropped on purpose. Validated on construction; immutable.
 *
 * @param calls            calls kept up at once (closed loop: a line starts its next call after a short
 *                         pause when its call ends)
 * @param duration         how long calls are started; calls still up are shortened to end by then
 * @param meanWait         mean queue wait (exponential, capped at 4x the mean)
 * @param medianTalk       median talk time (log-normal, sigma {@link #TALK_SIGMA}, clamped to 5 s .. 10 min)
 * @param surveyShare      share of callers who answer the post-call survey (0..1)
 * @param audioCalls       calls streaming the recorded voice over AudioSocket at once (0 = none; speech
 *                         must be on)
 * @param sampleEvery      interval of the time series
 * @param gcProbeEvery     a full GC before a sample this often, for the live-heap figure (0 = never)
 * @param dropAmiEvery     drop the AMI connection this often (0 = never)
 * @param refuseReconnect  after each drop, refuse new AMI connections this long
 * @param maxHeapSlopeMbPerMin verdict: post-GC heap slope over the second half must stay below this
 * @param maxThreadSpread  verdict: live threads max - min over the second half must stay within this
 * @param seed             random seed of the call plan
 */
public record SoakOptions(int calls, Duration duration, Duration meanWait, Duration medianTalk, double surveyShare,
                          int audioCalls, Duration sampleEvery, Duration gcProbeEvery, Duration dropAmiEvery,
                          Duration refuseReconnect, double maxHeapSlopeMbPerMin, int maxThreadSpread, long seed) {
    /** Spread of the log-normal talk time (a p95 of about 2.7x the median). */
    public static final double TALK_SIGMA = 0.6;

    public SoakOptions {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(meanWait, "meanWait");
        Objects.requireNonNull(medianTalk, "medianTalk");
        Objects.requireNonNull(sampleEvery, "sampleEvery");
        Objects.requireNonNull(gcProbeEvery, "gcProbeEvery");
        Objects.requireNonNull(dropAmiEvery, "dropAmiEvery");
        Objects.requireNonNull(refuseReconnect, "refuseReconnect");
        if (calls < 1 || calls > 2_000) {
            throw new IllegalArgumentException("calls must be 1..2000, was " + calls);
        }
        if (duration.toSeconds() < 5 || duration.toHours() > 24) {
            throw new IllegalArgumentException("duration must be 5 s .. 24 h, was " + duration);
        }
        if (meanWait.isNegative() || medianTalk.toMillis() < 1000) {
            throw new IllegalArgumentException("mean wait must be >= 0 and median talk >= 1 s");
        }
        if (!(surveyShare >= 0 && surveyShare <= 1)) {
            throw new IllegalArgumentException("survey share must be 0..1, was " + surveyShare);
        }
        if (audioCalls < 0 || audioCalls > calls) {
            throw new IllegalArgumentException("audio calls must be 0..calls, was " + audioCalls);
        }
        if (sampleEvery.toMillis() < 1000) {
            throw new IllegalArgumentException("sample interval must be >= 1 s, was " + sampleEvery);
        }
        if (gcProbeEvery.isNegative() || dropAmiEvery.isNegative() || refuseReconnect.isNegative()) {
            throw new IllegalArgumentException("intervals must not be negative");
        }
        if (!dropAmiEvery.isZero() && dropAmiEvery.compareTo(refuseReconnect.plusSeconds(2)) < 0) {
            throw new IllegalArgumentException("AMI drops must be further apart than the refusal plus 2 s");
        }
        if (!(maxHeapSlopeMbPerMin > 0) || maxThreadSpread < 0) {
            throw new IllegalArgumentException("verdict bounds must be positive");
        }
    }

    /** The default run of {@code soak}: 200 calls for 10 minutes, 2 of them speaking at a time, sampled every 15 s. */
    public static SoakOptions defaults() {
        return new SoakOptions(200, Duration.ofMinutes(10), Duration.ofSeconds(20), Duration.ofSeconds(60), 0.5, 2,
                Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ZERO, Duration.ofSeconds(3), 1.0, 12, 42);
    }
}
