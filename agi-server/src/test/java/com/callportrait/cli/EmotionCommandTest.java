package com.callportrait.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmotionCommandTest {

    @Test
    void emotionCommandPrintsOneRedactedJsonLinePerInputLine() {
        InputStream in = System.in;
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(("thank you so much, that solved it\n"
                    + "call me on five five five one two three four five six seven\n").getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            assertThat(Main.run("emotion")).isZero();
        } finally {
            System.setIn(in);
            System.setOut(out);
        }
        String[] lines = buf.toString(StandardCharsets.UTF_8).trim().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("\"label\":\"satisfied\"").contains("\"sentiment\":\"positive\"");
        assertThat(lines[1]).contains("\"text\":\"call me on [PHONE]\"").doesNotContain("five five five");
    }
}
