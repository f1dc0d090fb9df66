package com.callportrait.route.fastagi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgiReplyTest {

    @Test
    void getDataTimeoutWithoutADigitIsNoDigit() {
        // What Asterisk 22 sends when GET DATA times out before the caller pressed anything.
        AgiReply r = AgiReply.parse200("200 result= (timeout)");
        assertThat(r.ok()).isTrue();
        assertThat(r.result()).isZero();
        assertThat(r.data()).contains("timeout");
    }

    @Test
    void emptyResultAtEndOfLineIsNoDigit() {
        AgiReply r = AgiReply.parse200("200 result=");
        assertThat(r.result()).isZero();
        assertThat(r.data()).isEqualTo(Optional.empty());
    }

    @Test
    void digitsAndDataStillParse() {
        AgiReply r = AgiReply.parse200("200 result=4");
        assertThat(r.result()).isEqualTo(4);
        assertThat(AgiReply.parse200("200 result=1 (3d6a2e28-b1c8-4948-baed-34d706a0a6f8)").data())
                .contains("3d6a2e28-b1c8-4948-baed-34d706a0a6f8");
        assertThat(AgiReply.parse200("200 result=-1").result()).isEqualTo(-1);
    }

    @Test
    void garbageAfterResultIsStillRejected() {
        assertThatThrownBy(() -> AgiReply.parse200("200 result=x")).isInstanceOf(AgiProtocolException.class);
        assertThatThrownBy(() -> AgiReply.parse200("200 result=-")).isInstanceOf(AgiProtocolException.class);
        assertThatThrownBy(() -> AgiReply.parse200("200 result=(timeout)")).isInstanceOf(AgiProtocolException.class);
    }
}
