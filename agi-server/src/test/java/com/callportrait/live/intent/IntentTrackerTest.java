package com.callportrait.live.intent;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.portrait.semantic.TopicClassifier;
import org.junit.jupiter.api.Test;

class IntentTrackerTest {
    private static final TopicClassifier TOPICS = TopicClassifier.load();
    private final IntentTracker t = IntentTracker.create(TOPICS);

    @Test
    void noKeywordNoIntentAndTheFirstSentenceWithAKeywordCountsDouble() {
        assertThat(t.add(1, "hello good morning")).isEmpty();
        assertThat(t.current()).isEmpty();
        assertThat(t.add(2, "it is about the bill")).hasValueSatisfying(i -> { // 2 x 2 >= MIN_SCORE
            assertThat(i.topic()).isEqualTo("billing");
            assertThat(i.since()).isEqualTo(2);
            assertThat(i.isNew()).isTrue();
            assertThat(i.evidence()).containsExactly("bill");
        });
    }

    @Test
    void oneWeakKeywordLaterInTheCallIsNotEnoughOnItsOwn() {
        t.add(1, "i want an upgrade"); // new_service 3 x 2 = 6: the intent
        assertThat(t.add(2, "and my meter")).hasValueSatisfying(i -> assertThat(i.topic()).isEqualTo("new_service"));
        assertThat(t.current().orElseThrow().since()).isEqualTo(1);
    }

    @Test
    void theReasonSaidFirstSettlesTheIntentAndConfidenceGrowsWithSupport() {
        CallIntent first = t.add(1, "i am calling about my bill").orElseThrow();
        assertThat(first.topic()).isEqualTo("billing");
        assertThat(first.confidence()).isEqualTo(4.0 / 6.0);
        CallIntent more = t.add(2, "i was charged twice on the invoice").orElseThrow();
        assertThat(more.topic()).isEqualTo("billing");
        assertThat(more.isNew()).isFalse();
        assertThat(more.since()).isEqualTo(1);
        assertThat(more.confidence()).isGreaterThan(first.confidence());
        assertThat(more.evidence()).containsExactly("bill", "invoice", "charged");
    }

    @Test
    void aPassingMentionOfAnotherTopicDoesNotFlipTheIntent() {
        t.add(1, "my bill is wrong and i was charged a fee");
        CallIntent after = t.add(2, "i paid it already").orElseThrow(); // payment 2 vs billing 10
        assertThat(after.topic()).isEqualTo("billing");
        assertThat(after.since()).isEqualTo(1);
        // a rival that clearly dominates does take over
        t.add(3, "the payment was declined and the direct debit payment failed and my payment is late");
        assertThat(t.current()).hasValueSatisfying(i -> {
            assertThat(i.topic()).isEqualTo("payment");
            assertThat(i.since()).isEqualTo(3);
        });
    }

    @Test
    void aGasSmellTakesOverAtOnceWhateverWasSaidBefore() {
        t.add(1, "my gas bill is wrong and the charges are too high");
        t.add(2, "the invoice says estimated reading");
        CallIntent gas = t.add(3, "oh and i can smell gas in the hallway").orElseThrow();
        assertThat(gas.topic()).isEqualTo("gas_emergency");
        assertThat(gas.isNew()).isTrue();
        assertThat(gas.evidence()).containsExactly("smell gas");
        assertThat(gas.confidence()).isBetween(0.0, 1.0);
    }
}
