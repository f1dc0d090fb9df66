package com.callportrait.live;

import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.live.calls.Utterance;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the agent said, for the live rules' {@code agent_said} / {@code agent_not_said}
 * conditions: phrases are compared with the agent's final utterances (redacted, as the recogniser
 * heard them) after both are normalised (lower case, accents and punctuation removed, spaces
 * collapsed), whole words only, so "recorded" does not match "unrecorded". A phrase may span the
 * boundary of two consecutive utterances (the recogniser may cut a sentence in two).
 *
 * <p>Stateless and thread-safe.
 */
public final class AgentPhrases {
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}\\[\\]]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private AgentPhrases() {
    }

    /** A phrase or utterance reduced to its words, separated by single spaces. */
    public static String normalise(String text) {
        String s = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** True when the agent's final words contain any of {@code phrases}. */
    public static boolean saidAny(CallSnapshot call, List<String> phrases) {
        List<Utterance> words = call.agentWords();
        if (words.isEmpty()) {
            return false;
        }
        StringBuilder all = new StringBuilder(" ");
        for (Utterance u : words) {
            all.append(normalise(u.text())).append(' ');
        }
        String text = all.toString();
        for (String p : phrases) {
            String n = normalise(p);
            if (!n.isEmpty() && text.contains(" " + n + " ")) {
                return true;
            }
        }
        return false;
    }

    /**
     * How long the agent has been on the call: since the agent answered (AMI), else since the
     * agent's leg started; empty when neither is known.
     */
    public static Optional<Duration> connectedFor(CallSnapshot call, Instant now) {
        Optional<Instant> since = call.connectedAt().or(() -> call.talk().map(t -> t.since()));
        return since.map(s -> now.isAfter(s) ? Duration.between(s, now) : Duration.ZERO);
    }
}
