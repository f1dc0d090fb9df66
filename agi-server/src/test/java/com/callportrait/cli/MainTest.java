package com.callportrait.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.common.config.Env;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void aBadSettingStopsEveryCommandBeforeItRunsNamingTheVariable() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(Env.of(Map.of("CP_AGI_PORT", "abc")), new PrintWriter(out, true), new PrintWriter(err, true),
                "token", "supervisor");
        assertThat(status).isEqualTo(Main.EXIT_BAD_OPTIONS);
        assertThat(err.toString().strip())
                .isEqualTo("callportrait: invalid setting: CP_AGI_PORT must be a whole number in [0, 65535], got 'abc'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBadSettingOfAnotherModuleStopsStartUpToo() {
        StringWriter err = new StringWriter();
        int status = Main.run(Env.of(Map.of("CP_SPOOL_MAX_BYTES", "lots")), new PrintWriter(new StringWriter()),
                new PrintWriter(err, true), "token", "supervisor");
        assertThat(status).isEqualTo(Main.EXIT_BAD_OPTIONS);
        assertThat(err.toString()).startsWith("callportrait: invalid setting: CP_SPOOL_MAX_BYTES ");
    }

    @Test
    void helpNeedsNoSettings() {
        StringWriter out = new StringWriter();
        int status = Main.run(Env.of(Map.of("CP_AGI_PORT", "abc")), new PrintWriter(out, true),
                new PrintWriter(new StringWriter()), "--help");
        assertThat(status).isZero();
        assertThat(out.toString()).contains("token");
    }

    @Test
    void theTokenCommandSignsWithTheConfiguredSecret() {
        StringWriter out = new StringWriter();
        int status = Main.run(Env.of(Map.of("CP_TOKEN_SECRET", "0123456789abcdef0123456789abcdef")),
                new PrintWriter(out, true), new PrintWriter(new StringWriter()), "token", "agent", "alice");
        assertThat(status).isZero();
        assertThat(out.toString().strip()).startsWith("agent.alice.");
        StringWriter service = new StringWriter();
        assertThat(Main.run(Env.of(Map.of("CP_TOKEN_SECRET", "0123456789abcdef0123456789abcdef")),
                new PrintWriter(service, true), new PrintWriter(new StringWriter()), "token", "service", "crm")).isZero();
        assertThat(service.toString().strip()).startsWith("service.crm.");
        StringWriter err = new StringWriter();
        assertThat(Main.run(Env.empty(), new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "token", "supervisor")).isEqualTo(Main.EXIT_BAD_OPTIONS);
        assertThat(err.toString()).contains("set CP_TOKEN_SECRET");
    }
}
