package com.callportrait.portrait.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.portrait.risk.ComplaintRiskModel.Contribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Churn and next-contact reasons read as words, strongest first, at most three. */
class ChurnExplanationTest {

    @Test
    void theStrongestContributionsAreSaidInWords() {
        String why = ChurnExplanation.of(List.of(new Contribution("open_billing_complaints", 3, 1, 1.2),
                new Contribution("survey_trend", -1.5, 1, 0.8), new Contribution("tenure_days", 120, 1, 0.5),
                new Contribution("monthly_spend", 80, 1, 0.1)));
        assertThat(why).isEqualTo("3 unresolved billing complaints, satisfaction falling (-1.5), customer for only 4"
                + " months");
    }

    @Test
    void valuesThatSayNothingAreLeftOutAndSingularsReadRight() {
        String why = ChurnExplanation.of(List.of(new Contribution("open_complaints", 0, 1, 0.9),
                new Contribution("open_complaints", 1, 1, 0.8), new Contribution("survey_trend", 0.4, 1, 0.3),
                new Contribution("close_intent_90d", 2, 1, 0.2)));
        assertThat(why).isEqualTo("1 unresolved complaint, asked to move or close 2 times in 90 days");
    }

    @Test
    void withNothingPushingUpItSaysSo() {
        assertThat(ChurnExplanation.of(List.of())).isEqualTo("nothing above average");
        assertThat(ChurnExplanation.of(List.of(new Contribution("survey_trend", Double.NaN, 1, 0.4))))
                .isEqualTo("nothing above average");
    }

    @Test
    void amountsSayWhetherTheyAreLowOrHigh() {
        assertThat(ChurnExplanation.phrase("monthly_spend", 54, -1.2)).isEqualTo("low monthly spend (54)");
        assertThat(ChurnExplanation.phrase("monthly_spend", 540, 2)).isEqualTo("high monthly spend (540)");
        assertThat(ChurnExplanation.phrase("contacts_90d", 1, -0.8)).isEqualTo("only 1 contact in 90 days");
    }

    @Test
    void aFeatureWithoutAPhraseShowsItsNameAndValue() {
        assertThat(ChurnExplanation.phrase("household", 3, 1)).isEqualTo("household=3");
        assertThat(ChurnExplanation.phrase("survey_mean", Double.NaN, 0)).isEqualTo("never answered a survey");
        assertThat(ChurnExplanation.phrase("negative_share_90d", 0.5, 2)).isEqualTo("50% of recent contacts negative");
    }
}
