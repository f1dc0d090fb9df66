package com.callportrait.speech.audiosocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AudioSocketOptionsTest {

    @Test
    void theBuildersDefaultsAreTheConstantsAndWhatAnEmptyEnvironmentGives() {
        AudioSocketOptions d = AudioSocketOptions.builder().build();
        assertThat(d).isEqualTo(AudioSocketOptions.from(Env.empty())).isEqualTo(AudioSocketOptions.defaults());
        assertThat(d.host()).isEqualTo(AudioSocketOptions.DEFAULT_HOST).isEqualTo("0.0.0.0");
        assertThat(d.port()).isEqualTo(AudioSocketOptions.DEFAULT_PORT).isEqualTo(9092);
        assertThat(d.maxPayload()).isEqualTo(AudioSocketOptions.DEFAULT_MAX_PAYLOAD);
        assertThat(d.idleMs()).isEqualTo(AudioSocketOptions.DEFAULT_IDLE_MS);
        assertThat(d.allow().acceptsAny()).isTrue();
    }

    @Test
    void readsItsVariables() {
        AudioSocketOptions o = AudioSocketOptions.from(Env.of(Map.of("CP_AUDIOSOCKET_MAX_PAYLOAD", "640",
                "CP_AUDIOSOCKET_IDLE_MS", "3000", "CP_AUDIOSOCKET_ALLOW", "10.0.0.0/8")));
        assertThat(o.maxPayload()).isEqualTo(640);
        assertThat(o.idleMs()).isEqualTo(3000);
        assertThat(o.allow().allows(new InetSocketAddress("10.1.2.3", 1))).isTrue();
        assertThat(o.allow().allows(new InetSocketAddress("192.0.2.1", 1))).isFalse();
        assertThat(AudioSocketOptions.builder().port(9500).build().port()).isEqualTo(9500);
    }

    @Test
    void badValuesNameTheirVariable() {
        assertThatThrownBy(() -> AudioSocketOptions.from(Env.of(Map.of("CP_AUDIOSOCKET_MAX_PAYLOAD", "big"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_AUDIOSOCKET_MAX_PAYLOAD");
        assertThatThrownBy(() -> AudioSocketOptions.from(Env.of(Map.of("CP_AUDIOSOCKET_IDLE_MS", "100"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_AUDIOSOCKET_IDLE_MS");
        assertThatThrownBy(() -> AudioSocketOptions.from(Env.of(Map.of("CP_AUDIOSOCKET_ALLOW", "pbx.local"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_AUDIOSOCKET_ALLOW");
        assertThatThrownBy(() -> AudioSocketOptions.builder().port(70000).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_AUDIOSOCKET_PORT");
    }
}
