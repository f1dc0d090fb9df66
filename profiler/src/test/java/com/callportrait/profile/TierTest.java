package com.callportrait.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TierTest {

    @Test
    void anyLabelIsATierComparedInCanonicalForm() {
        assertThat(Tier.parse("VIP")).isEqualTo(Tier.parse("vip")).isEqualTo(Tier.parse(" Vip "));
        assertThat(Tier.parse("Gold")).isEqualTo(Tier.GOLD);
        assertThat(Tier.parse("Gold  Plus").wireName()).isEqualTo("gold-plus");
        assertThat(Tier.parse("ＰＲＥＭＩＵＭ").wireName()).isEqualTo("premium"); // full-width, as some CRMs export
        assertThat(Tier.parse("钻石").wireName()).isEqualTo("钻石");
        assertThat(Tier.builtIn()).containsExactly(Tier.STANDARD, Tier.SILVER, Tier.GOLD, Tier.PLATINUM);
    }

    @Test
    void onlyEmptyOverLongOrControlCharacterLabelsAreRefused() {
        assertThatThrownBy(() -> Tier.parse("  ")).hasMessage("tier is empty");
        assertThatThrownBy(() -> Tier.parse(null)).hasMessage("tier is empty");
        assertThatThrownBy(() -> Tier.parse("x".repeat(65))).hasMessageContaining("longer than 64");
        assertThatThrownBy(() -> Tier.parse("go\u0000ld")).hasMessageContaining("control character");
        assertThat(Tier.parse("x".repeat(64)).label()).hasSize(64);
    }
}
