package com.callportrait.simulator.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgiCallerTest {
    @Test
    void answersLikeAsterisk22() {
        Map<String, String> vars = new HashMap<>();
        assertThat(AgiCaller.answer("EXEC MSet CP_UUID=abc,CP_QUEUE=billing,CP_PRIORITY=5", vars, ""))
                .isEqualTo("200 result=0");
        assertThat(vars).containsEntry("CP_UUID", "abc").containsEntry("CP_QUEUE", "billing");
        assertThat(AgiCaller.answer("SET VARIABLE CP_VIP 1", vars, "")).isEqualTo("200 result=1");
        assertThat(AgiCaller.answer("GET VARIABLE CP_QUEUE", vars, "")).isEqualTo("200 result=1 (billing)");
        assertThat(AgiCaller.answer("GET VARIABLE NOPE", vars, "")).isEqualTo("200 result=0");
        assertThat(AgiCaller.answer("GET DATA cp-survey 6000 1", vars, "4")).isEqualTo("200 result=4");
        assertThat(AgiCaller.answer("GET DATA cp-survey 6000 1", vars, "")).isEqualTo("200 result= (timeout)");
        assertThat(AgiCaller.answer("FOO", vars, "")).isEqualTo("510 Invalid or unknown command");
    }
}
