package com.callportrait.simulator.soak;

import com.callportrait.simulator.call.Caller;
import com.callportrait.simulator.call.Mood;
import com.callportrait.simulator.call.SimCall;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the calls of a soak run. Timing follows the usual shape of call-centre data (Brown et al.,
 * "Statistical Analysis of a Telephone Call Center", JASA 2005: log-normal service times,
 * roughly exponential waits): queue wait exponential with the given mean (capped at 4x), talk time
 * log-normal with the given median and sigma {@value SoakOptions#TALK_SIGMA} (clamped to 5 s ..
 * 10 min). Callers: six in seven are the known callers given, the rest withheld numbers; moods half
 * calm, a quarter angry, a quarter escalating. A call that would outlast the run is shortened
 * proportionally (the caller hangs up earlier) so the run ends on time.
 *
 * <p>Thread-safe (synchronised; a few draws per call).
 */
final class SoakPlan {
    private static final Duration MIN_TALK = Duration.ofSeconds(5);
    private static final Duration MAX_TALK = Duration.ofMinutes(10);

    private final SoakOptions options;
    private final List<Caller> customers;
    private final SplittableRandom random;

    SoakPlan(SoakOptions options, List<Caller> customers) {
        this.options = options;
        this.customers = List.copyOf(customers);
        this.random = new SplittableRandom(options.seed());
    }

    /** The next call, fitted into {@code remaining} (at least a few seconds). */
    synchronized SimCall next(Duration remaining) {
        double meanWait = options.meanWait().toMillis();
        long wait = meanWait == 0 ? 0 : (long) Math.min(4 * meanWait, -meanWait * Math.log(1 - random.nextDouble()));
        double gauss = gaussian();
        long talk = (long) (options.medianTalk().toMillis() * Math.exp(SoakOptions.TALK_SIGMA * gauss));
        talk = Math.max(MIN_TALK.toMillis(), Math.min(MAX_TALK.toMillis(), talk));
        long room = remaining.toMillis() - 1_000;
        if (wait + talk > room) {
            double k = Math.max(0, room) / (double) (wait + talk);
            wait = (long) (wait * k);
            talk = Math.max(1_000, (long) (talk * k));
        }
        double m = random.nextDouble();
        Mood mood = m < 0.5 ? Mood.CALM : m < 0.75 ? Mood.ANGRY : Mood.ESCALATING;
        String phone = "";
        String name = "";
        if (!customers.isEmpty() && random.nextInt(7) != 6) {
            Caller p = customers.get(random.nextInt(customers.size()));
            phone = p.phone();
            name = p.name();
        }
        String survey = random.nextDouble() < options.surveyShare() ? Integer.toString(1 + random.nextInt(5)) : "";
        // utterances while waiting come a few seconds apart, but all within the wait
        long gap = Math.max(200, Math.min(3_000, wait / (mood.waiting().size() + 1)));
        return new SimCall(phone, name, mood, Duration.ofMillis(wait), Duration.ofMillis(gap), survey,
                Duration.ofMillis(talk));
    }

    /** Pause of a line between the end of one call and the start of its next (exponential, mean 1 s). */
    synchronized long thinkMillis() {
        return (long) Math.min(5_000, -1_000 * Math.log(1 - random.nextDouble()));
    }

    /** When line {@code i}'s first call starts: spread evenly over the ramp-up. */
    static long rampMillis(int line, int lines, Duration duration) {
        long ramp = Math.min(30_000, duration.toMillis() / 10);
        return ramp * line / Math.max(1, lines);
    }

    private double gaussian() {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
