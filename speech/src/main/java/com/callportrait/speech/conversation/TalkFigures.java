package com.callportrait.speech.conversation;

/**
 * How the two parties of a call used the time they were connected. Immutable and thread-safe.
 *
 * @param connectedSec from the agent's leg starting to the first leg ending (or to the newest word heard)
 * @param callerTalkSec the caller was speaking
 * @param agentTalkSec  the agent was speaking
 * @param talkOverSec   both were speaking at once
 * @param silenceSec    neither was speaking
 */
public record TalkFigures(double connectedSec, double callerTalkSec, double agentTalkSec, double talkOverSec,
                          double silenceSec) {
    /** Nothing measured yet. */
    public static final TalkFigures NONE = new TalkFigures(0, 0, 0, 0, 0);

    public TalkFigures {
        if (!(connectedSec >= 0) || !(callerTalkSec >= 0) || !(agentTalkSec >= 0) || !(talkOverSec >= 0)
                || !(silenceSec >= 0)) {
            throw new IllegalArgumentException("talk figures must be >= 0");
        }
    }

    /** Talk-over as a share of the connected time, 0..1 (0 when nothing was connected). */
    public double talkOverShare() {
        return connectedSec > 0 ? Math.min(1, talkOverSec / connectedSec) : 0;
    }

    /** Silence as a share of the connected time, 0..1 (0 when nothing was connected). */
    public double silenceShare() {
        return connectedSec > 0 ? Math.min(1, silenceSec / connectedSec) : 0;
    }

    /**
     * These figures with {@code moreSilenceSec} of silence added at the end: what they become when the
     * call went on that long after the newest word without anyone finishing an utterance.
     */
    public TalkFigures extendedBy(double moreSilenceSec) {
        double more = Math.max(0, moreSilenceSec);
        return new TalkFigures(connectedSec + more, callerTalkSec, agentTalkSec, talkOverSec, silenceSec + more);
    }
}
