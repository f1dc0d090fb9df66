package com.callportrait.live.calls;

import com.callportrait.speech.conversation.TalkFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The agent's leg of a call as the live state knows it: tapped since when, and the talk-over and
 * silence measured so far. Present only when the agent's leg is transcribed ({@code CP_TAP_AGENT}).
 * Immutable and thread-safe.
 *
 * @param since   when the agent's leg started (the agent's voice is heard from then on)
 * @param figures the latest figures ({@link TalkFigures#NONE} until the first final utterance)
 * @param isFinal true once both legs have ended: the figures cover the whole connected time
 * @param at      when the figures were computed
 */
public record CallTalk(Instant since, TalkFigures figures, boolean isFinal, Instant at) {
    public CallTalk {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(at, "at");
    }

    /** The agent's leg has just started: nothing measured yet. */
    public static CallTalk started(Instant now) {
        return new CallTalk(now, TalkFigures.NONE, false, now);
    }

    /** New figures, keeping when the leg started. */
    public CallTalk with(TalkFigures f, boolean last, Instant now) {
        return new CallTalk(since, f, last, now);
    }

    /**
     * The figures as of {@code end}: running figures stop at the newest word heard, so the time from
     * then to {@code end}, in which no one finished an utterance, is counted as silence; final
     * figures are returned as they are.
     */
    public TalkFigures asOf(Instant end) {
        if (isFinal || !end.isAfter(at)) {
            return figures;
        }
        return figures.extendedBy(Duration.between(at, end).toMillis() / 1000.0);
    }
}
