package com.callportrait.speech.emotion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EscalationMatcherTest {

    private static Map<String, Double> features(String text) {
        Map<String, Double> f = new HashMap<>();
        EscalationMatcher.addFeatures(List.of(text.split(" ")), f);
        return f;
    }

    @Test
    void misheardWordsShareTheSkeletonOfTheWordSaid() {
        assertThat(EscalationMatcher.skeleton("manajar")).isEqualTo(EscalationMatcher.skeleton("manager"));
        assertThat(EscalationMatcher.skeleton("manger")).isEqualTo(EscalationMatcher.skeleton("manager"));
        assertThat(EscalationMatcher.skeleton("superviseher")).isEqualTo(EscalationMatcher.skeleton("supervisor"));
        assertThat(EscalationMatcher.skeleton("counsel")).isEqualTo(EscalationMatcher.skeleton("cancel"));
        assertThat(EscalationMatcher.levenshtein("complain", "complaint")).isEqualTo(1);
    }

    @Test
    void boundedDistanceAgreesWithTheFullOne() {
        java.util.Random rnd = new java.util.Random(3);
        for (int n = 0; n < 2000; n++) {
            String a = randomWord(rnd);
            String b = rnd.nextBoolean() ? randomWord(rnd) : a.substring(0, a.length() / 2) + randomWord(rnd);
            for (int k = 0; k <= 3; k++) {
                assertThat(EscalationMatcher.within(a, b, k)).as(a + " / " + b + " within " + k)
                        .isEqualTo(EscalationMatcher.levenshtein(a, b) <= k);
            }
        }
    }

    private static String randomWord(java.util.Random rnd) {
        StringBuilder b = new StringBuilder();
        for (int i = 1 + rnd.nextInt(8); i > 0; i--) {
            b.append("aemnrgsc".charAt(rnd.nextInt(8)));
        }
        return b.toString();
    }

    @Test
    void exactFuzzyAndNegatedMatchesAreDifferentFeatures() {
        assertThat(features("i want to speak to a manager")).containsKeys("esc:manager", "escctx:ask-manager",
                "escctx:intent");
        assertThat(features("i want the man a jar now")).containsKey("escf:manager").doesNotContainKey("esc:manager");
        assertThat(features("get me your supervise her")).containsKey("escf:manager");
        assertThat(features("take this to the om buds man")).containsKey("escf:regulator");
        assertThat(features("no need for a manager")).containsKey("escneg:manager")
                .doesNotContainKeys("esc:manager", "escctx:ask-manager");
        assertThat(features("i don't want to cancel")).containsKey("escneg:cancel").doesNotContainKey("esc:cancel");
    }

    @Test
    void whatIsCancelledMatters() {
        assertThat(features("i want to cancel my account")).containsKey("escctx:cancel-contract");
        assertThat(features("i need to cancel my card it was stolen")).containsKey("escctx:cancel-routine")
                .doesNotContainKey("escctx:cancel-contract");
    }

    @Test
    void ordinaryTalkHasNoEscalationWords() {
        for (String s : Arrays.asList("my power is out on elm street", "thank you so much", "what is my balance")) {
            assertThat(features(s)).containsOnlyKeys("esc:none");
        }
    }
}
