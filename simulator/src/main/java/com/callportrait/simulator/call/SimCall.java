package com.callportrait.simulator.call;

import java.time.Duration;
import java.util.Objects;

/**
 * One scripted call. Immutable.
 *
 * @param phone      caller id ({@code ""} = withheld)
 * @param callerName caller id name
 * @param mood       what the caller says and feels
 * @param queueWait       time in the queue before an agent is offered the call
 * @param gap        pause between utterances
 * @param surveyDtmf the survey answer ({@code ""} = no survey)
 * @param talk       time connected to the agent before the agent hangs up ({@link Duration#ZERO} = just
 *                   long enough for the talking lines, one {@code gap} apart)
 */
public record SimCall(String phone, String callerName, Mood mood, Duration queueWait, Duration gap, String surveyDtmf,
                      Duration talk) {
    public SimCall(String phone, String callerName, Mood mood, Duration queueWait, Duration gap, String surveyDtmf) {
        this(phone, callerName, mood, queueWait, gap, surveyDtmf, Duration.ZERO);
    }

    public SimCall {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(callerName, "callerName");
        Objects.requireNonNull(mood, "mood");
        Objects.requireNonNull(queueWait, "queueWait");
        Objects.requireNonNull(gap, "gap");
        Objects.requireNonNull(surveyDtmf, "surveyDtmf");
        Objects.requireNonNull(talk, "talk");
        if (talk.isNegative() || queueWait.isNegative() || gap.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }
}
