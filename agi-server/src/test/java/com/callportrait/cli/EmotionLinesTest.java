package com.callportrait.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmotionLinesTest {

    @Test
    void printsOneRedactedJsonObjectPerLine() throws Exception {
        String in = "this is unacceptable, I want to speak to a manager\n\n"
                + "thank you so much, that solved it\n"
                + "my card number is four five three two zero one five one one two eight three zero three six six\n";
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int n = EmotionLines.standard().run(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(buf, true, StandardCharsets.UTF_8));
        String[] lines = buf.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(n).isEqualTo(3);
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        JsonNode angry = json.readTree(lines[0]);
        assertThat(angry.get("label").asText()).isEqualTo("angry");
        assertThat(angry.get("sentiment").asText()).isEqualTo("negative");
        assertThat(angry.get("valence").asDouble()).isNegative();
        assertThat(angry.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(angry.get("escalation").asDouble()).isGreaterThan(0.9);
        assertThat(json.readTree(lines[1]).get("escalation").asDouble()).isLessThan(0.1);
        assertThat(json.readTree(lines[1]).get("label").asText()).isEqualTo("satisfied");
        JsonNode card = json.readTree(lines[2]);
        assertThat(card.get("text").asText()).isEqualTo("my card number is [CARD]");
        assertThat(lines[2]).doesNotContain("four five three two");
    }
}
