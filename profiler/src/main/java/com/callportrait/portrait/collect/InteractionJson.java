package com.callportrait.portrait.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The JSON form of an {@link InteractionRecord} (snake-case fields, ISO-8601 start), shared by the
 * {@code interactions.jsonl} export and the {@code cp:interactions} stream. Thread-safe.
 */
public final class InteractionJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InteractionJson() {
    }

    public static String encode(InteractionRecord r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("interaction_id", r.interactionId()).put("customer_id", r.customerId()).put("phone", r.phone())
                .put("channel", r.channel()).put("start", r.start() == null ? null : r.start().toString())
                .put("queue", r.queue()).put("agent", r.agent()).put("wait_sec", r.waitSec())
                .put("talk_sec", r.talkSec()).put("outcome", r.outcome()).put("survey", r.survey())
                .put("emotion", r.emotion()).put("topic", r.topic()).put("transcript", r.transcript());
        if (r.talkTime() != null) {
            TalkTime t = r.talkTime();
            n.put("connected_sec", round(t.connectedSec())).put("talk_over_sec", round(t.talkOverSec()))
                    .put("silence_sec", round(t.silenceSec())).put("talk_over_share", round(t.talkOverShare()))
                    .put("silence_share", round(t.silenceShare()));
        }
        return n.toString();
    }

    /** The JSON form of a {@link FeedbackRecord} (stream entries with {@code kind=feedback}). */
    public static String encodeFeedback(FeedbackRecord r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("interaction_id", r.interactionId()).put("customer_id", r.customerId()).put("phone", r.phone())
                .put("survey", r.survey()).put("outcome", r.outcome()).put("at", r.at().toString());
        return n.toString();
    }

    /** @throws IllegalArgumentException when the text is not valid feedback */
    public static FeedbackRecord decodeFeedback(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return new FeedbackRecord(text(n, "interaction_id"), text(n, "customer_id"), text(n, "phone"),
                    integer(n, "survey"), text(n, "outcome"), Instant.parse(n.get("at").asText()));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a feedback record: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException when the text is not a valid interaction */
    public static InteractionRecord decode(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return new InteractionRecord(text(n, "interaction_id"), text(n, "customer_id"), text(n, "phone"),
                    text(n, "channel"), n.hasNonNull("start") ? Instant.parse(n.get("start").asText()) : null,
                    text(n, "queue"), text(n, "agent"), integer(n, "wait_sec"), integer(n, "talk_sec"),
                    text(n, "outcome"), integer(n, "survey"), text(n, "emotion"), text(n, "topic"),
                    text(n, "transcript"), n.hasNonNull("talk_over_sec") ? new TalkTime(
                            n.path("connected_sec").asDouble(), n.get("talk_over_sec").asDouble(),
                            n.path("silence_sec").asDouble()) : null);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not an interaction record: " + e.getMessage(), e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String text(JsonNode n, String f) {
        return n.hasNonNull(f) ? n.get(f).asText() : null;
    }

    private static Integer integer(JsonNode n, String f) {
        return n.hasNonNull(f) ? n.get(f).asInt() : null;
    }
}
