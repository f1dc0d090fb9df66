package com.callportrait.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code transcribe} on a committed 8 kHz recording (three sentences with pauses; see speech's make-testset.sh). */
class TranscribeCommandIT {

    @Test
    void printsOneJsonObjectPerUtteranceNamingTheFile() throws Exception {
        Path wav = Path.of(TranscribeCommandIT.class.getResource("/audio/call-8k.wav").toURI());
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out));
        int status = cl.execute("transcribe", wav.toString());

        assertThat(status).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                lines.add(new ObjectMapper().readTree(line));
            }
        }
        assertThat(lines).hasSize(3);
        assertThat(lines).allSatisfy(j -> {
            assertThat(j.get("file").asText()).endsWith("call-8k.wav");
            assertThat(j.get("words").size()).isPositive();
            assertThat(j.get("emotion").get("label").asText()).isNotBlank();
        });
        assertThat(lines.get(0).get("text").asText()).contains("waiting for an hour");
        assertThat(lines.get(2).get("text").asText()).contains("cancel my subscription");
    }
}
