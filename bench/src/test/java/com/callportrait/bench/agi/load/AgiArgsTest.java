package com.callportrait.bench.agi.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgiArgsTest {

    @Test
    void splitsAsAsteriskDoes() {
        assertThat(AgiArgs.split("EXEC MSet CP_UUID=x,CP_QUEUE=support")).containsExactly("EXEC", "MSet",
                "CP_UUID=x,CP_QUEUE=support");
        assertThat(AgiArgs.split("EXEC \"MSet\" \"CP_QUEUE=support,CP_VIP=1\"")).containsExactly("EXEC", "MSet",
                "CP_QUEUE=support,CP_VIP=1");
        assertThat(AgiArgs.split("SET VARIABLE CP_SEGMENT \"loyal families\"")).containsExactly("SET", "VARIABLE",
                "CP_SEGMENT", "loyal families");
        assertThat(AgiArgs.split("SET VARIABLE X \"a\\\"b\"")).containsExactly("SET", "VARIABLE", "X", "a\"b");
        assertThat(AgiArgs.split("SET VARIABLE X \"\"")).containsExactly("SET", "VARIABLE", "X", "");
    }

    @Test
    void resultLinesReadBackWhatWasWritten() {
        PhaseResult r = new PhaseResult("rate-1000", 8000, 1, 2, 8.0, 460, 4230, 25490, 32590, 8003, 1_880_000_000L,
                440_000_000L, 2_312_000_000L);
        assertThat(PhaseResult.parse(r.line())).isEqualTo(r);
        assertThat(r.perSecond()).isEqualTo(1000.0);
        assertThat(r.serverUsPerSession()).isEqualTo(1_880_000_000L / 1000.0 / 8003);
    }

    @Test
    void mixLinesReadBackWhatWasWritten() {
        MixEntry e = new MixEntry(CallerKind.MALFORMED, "55*12#", "");
        assertThat(MixEntry.parse(e.line())).isEqualTo(e);
    }
}
