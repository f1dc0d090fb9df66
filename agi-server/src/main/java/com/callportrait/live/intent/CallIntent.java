package com.callportrait.live.intent;

import java.util.List;
import java.util.Objects;

/**
 * The live intent of a call: which topic of the taxonomy it is about, how sure, and on what words.
 * Immutable and thread-safe.
 *
 * @param topic      a topic of {@code topics.yaml} (never the default topic: no keyword, no intent)
 * @param confidence the topic's share of all keyword weight heard so far, shrunk towards 0 while the
 *                   evidence is thin (see {@link IntentTracker}), in [0, 1]
 * @param evidence   the keywords and phrases heard for this topic, heaviest first (at most
 *                   {@value #MAX_EVIDENCE})
 * @param since      the utterance that made this the call's intent
 * @param utterance  the utterance after which this value was computed
 */
public record CallIntent(String topic, double confidence, List<String> evidence, int since, int utterance) {
    /** How many supporting phrases are kept. */
    public static final int MAX_EVIDENCE = 5;

    public CallIntent {
        Objects.requireNonNull(topic, "topic");
        evidence = List.copyOf(evidence);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
        if (since < 1 || utterance < since) {
            throw new IllegalArgumentException("need 1 <= since <= utterance, was " + since + ", " + utterance);
        }
    }

    /** True when the utterance that produced this value also made the topic the call's intent. */
    public boolean isNew() {
        return since == utterance;
    }
}
