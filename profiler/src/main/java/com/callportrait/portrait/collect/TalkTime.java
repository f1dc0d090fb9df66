package com.callportrait.portrait.collect;

/**
 * How caller and agent shared a call's connected time, measured live when both legs were
 * transcribed. Immutable and thread-safe.
 *
 * @param connectedSec the connected time measured
 * @param talkOverSec  both spoke at once
 * @param silenceSec   neither spoke
 */
public record TalkTime(double connectedSec, double talkOverSec, double silenceSec) {
    public TalkTime {
        if (!(connectedSec >= 0) || !(talkOverSec >= 0) || !(silenceSec >= 0)) {
            throw new IllegalArgumentException("talk times must be >= 0");
        }
    }

    /** Talk-over as a share of the connected time, 0..1. */
    public double talkOverShare() {
        return connectedSec > 0 ? Math.min(1, talkOverSec / connectedSec) : 0;
    }

    /** Silence as a share of the connected time, 0..1. */
    public double silenceShare() {
        return connectedSec > 0 ? Math.min(1, silenceSec / connectedSec) : 0;
    }
}
