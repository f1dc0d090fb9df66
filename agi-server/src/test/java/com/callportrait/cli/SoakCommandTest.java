package com.callportrait.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.cli.Main;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SoakCommandTest {
    private final SoakCommand.DurationConverter d = new SoakCommand.DurationConverter();

    @Test
    void durationsAreWrittenAsOperatorsWriteThem() {
        assertThat(d.convert("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(d.convert("120s")).isEqualTo(Duration.ofSeconds(120));
        assertThat(d.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(d.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(d.convert("0")).isEqualTo(Duration.ZERO);
        assertThat(d.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> d.convert("ten minutes")).isInstanceOf(CommandLine.TypeConversionException.class);
    }

    @Test
    void badSettingsStopBeforeAnythingStarts() {
        assertThat(Main.run("soak", "--calls", "0")).isEqualTo(2);
        assertThat(Main.run("soak", "--audio-calls", "300")).isEqualTo(2);
        assertThat(Main.run("soak", "--drop-ami-every", "2s", "--refuse-reconnect", "3s")).isEqualTo(2);
    }
}
