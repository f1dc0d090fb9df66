package com.callportrait.common.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceAllowListTest {

    private static InetSocketAddress at(String ip) {
        return new InetSocketAddress(ip, 40000);
    }

    @Test
    void unsetBlankOrAnyAcceptsEveryAddress() {
        assertThat(SourceAllowList.from(Env.of(Map.of()), "CP_AGI_ALLOW").acceptsAny()).isTrue();
        assertThat(SourceAllowList.parse("CP_AGI_ALLOW", "  ").acceptsAny()).isTrue();
        assertThat(SourceAllowList.parse("CP_AGI_ALLOW", "ANY").allows(at("203.0.113.9"))).isTrue();
    }

    @Test
    void ipv4AndIpv6BlocksAndSingleAddressesMatchExactlyTheirRange() {
        SourceAllowList l = SourceAllowList.parse("CP_AGI_ALLOW", "10.1.0.0/16, 192.0.2.7 ,2001:db8::/32,::1");
        assertThat(l.acceptsAny()).isFalse();
        assertThat(l.allows(at("10.1.255.254"))).isTrue();
        assertThat(l.allows(at("10.2.0.1"))).isFalse();
        assertThat(l.allows(at("192.0.2.7"))).isTrue();
        assertThat(l.allows(at("192.0.2.8"))).as("a bare address is a /32").isFalse();
        assertThat(l.allows(at("2001:db8:ffff::1"))).isTrue();
        assertThat(l.allows(at("2001:db9::1"))).isFalse();
        assertThat(l.allows(at("::1"))).isTrue();
        assertThat(l.allows(at("127.0.0.1"))).isFalse();
        assertThat(l).hasToString("10.1.0.0/16,192.0.2.7,2001:db8::/32,::1");
        assertThat(SourceAllowList.parse("X", "0.0.0.0/0").allows(at("198.51.100.1"))).isTrue();
    }

    @Test
    void badEntriesStopStartUpNamingTheVariableAndTheEntry() {
        assertThatThrownBy(() -> SourceAllowList.parse("CP_AGI_ALLOW", "asterisk.local"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("CP_AGI_ALLOW").hasMessageContaining("'asterisk.local'")
                .hasMessageContaining("no host names");
        assertThatThrownBy(() -> SourceAllowList.parse("CP_AUDIOSOCKET_ALLOW", "10.0.0.0/33"))
                .hasMessageContaining("CP_AUDIOSOCKET_ALLOW").hasMessageContaining("[0, 32]");
        assertThatThrownBy(() -> SourceAllowList.parse("CP_AGI_ALLOW", "fd00::/129")).hasMessageContaining("[0, 128]");
        assertThatThrownBy(() -> SourceAllowList.parse("CP_AGI_ALLOW", "10.0.0.0/x")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> SourceAllowList.parse("CP_AGI_ALLOW", "10.0.0.1,,10.0.0.2"))
                .hasMessageContaining("empty entry");
        assertThatThrownBy(() -> SourceAllowList.parse("CP_AGI_ALLOW", "300.1.1.1")).hasMessageContaining("300.1.1.1");
    }
}
