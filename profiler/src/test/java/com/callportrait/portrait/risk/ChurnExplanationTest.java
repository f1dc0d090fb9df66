package com.callportrait.portrait.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.portrait.risk.ComplaintRiskModel.Contribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Churn and next-contact reasons read as words, strongest first, at most three. */
class ChurnExplanationTest {

    @Test
    void theStrongestContributionsAreSaidInWords() {
        String why = ChurnExplanation.of(List.of(new Contribution("open_billing_complaints", 3, 1.2),
                new Contribution("survey_trend", -1.5, 0.8), new Contribution("tenure_days", 120, 0.5),
                new Contribution("monthly_spend", 80, 0.1)));
        assertThat(why).isEqualTo("3 unresolved billing complaints, satisfaction falling (-1.5), customer for only 4"
                + " months");
    }

    @Test
    void valuesThatSayNothingAreLeftOutAndSingularsReadRight() {
        String why = ChurnExplanation.of(List.of(new Contribution("open_complaints", 0, 0.9),
                new Contribution("open_complaints", 1, 0.8), new Contribution("survey_trend", 0.4, 0.3),
                new Contribution("close_intent_90d", 2, 0.2)));
        assertThat(why).isEqualTo("1 unresolved complaint, asked to move or close 2 times in 90 days");
    }

    @Test
    void withNothingPushingUpItSaysSo() {
        assertThat(ChurnExplanation.of(List.of())).isEqualTo("nothing above average");
        assertThat(ChurnExplanation.of(List.of(new Contribution("survey_trend", Double.NaN, 0.4))))
                .isEqualTo("nothing above average");
    }

    @Test
    void aFeatureWithoutAPhraseShowsItsNameAndValue() {
        assertThat(ChurnExplanation.phrase("household", 3)).isEqualTo("household=3");
        assertThat(ChurnExplanation.phrase("survey_mean", Double.NaN)).isEqualTo("never answered a survey");
        assertThat(ChurnExplanation.phrase("negative_share_90d", 0.5)).isEqualTo("50% of recent contacts negative");
    }
}
