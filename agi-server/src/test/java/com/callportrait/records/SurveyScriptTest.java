package com.callportrait.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.route.fastagi.AgiReply;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SurveyScriptTest {
    private static AgiReply reply(int result, String data) {
        String line = "200 result=" + result + (data == null ? "" : " (" + data + ")");
        return new AgiReply(200, result, Optional.ofNullable(data), List.of(line));
    }

    @Test
    void onlyADigitOneToFiveIsAScore() {
        assertThat(SurveyScript.score(reply(4, null))).isEqualTo(4);
        assertThat(SurveyScript.score(reply(1, null))).isEqualTo(1);
        assertThat(SurveyScript.score(reply(5, null))).isEqualTo(5);
        assertThat(SurveyScript.score(reply(9, null))).isZero();
        assertThat(SurveyScript.score(reply(0, null))).isZero();
        assertThat(SurveyScript.score(reply(-1, null))).as("hangup").isZero();
        assertThat(SurveyScript.score(reply(0, "timeout"))).isZero();
    }
}
