package com.callportrait.records;

import com.callportrait.route.fastagi.AgiCommands;
import com.callportrait.route.fastagi.AgiReply;
import com.callportrait.route.fastagi.AgiScript;
import com.callportrait.route.fastagi.AgiSession;
import com.callportrait.screenpop.FeedbackRecorder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code survey} FastAGI script, run by the dialplan after the agent hangs up:
 * reads {@code CP_UUID}, plays the prompt ({@code agi_arg_1}, default {@code cp-survey}) and reads
 * one DTMF digit with {@code GET DATA <prompt> 6000 1}; a score 1-5 becomes a
 * {@code type=feedback} event and {@code CP_SURVEY_SCORE}; anything else (timeout, other key, hangup)
 * records nothing. Stateless and thread-safe; never blocks the event loop.
 */
public final class SurveyScript implements AgiScript {
    private static final Logger log = LoggerFactory.getLogger(SurveyScript.class);
    private final FeedbackRecorder feedback;

    private SurveyScript(FeedbackRecorder feedback) {
        this.feedback = feedback;
    }

    public static SurveyScript create(FeedbackRecorder feedback) {
        return new SurveyScript(feedback);
    }

    @Override
    public CompletionStage<?> run(AgiSession s) {
        String prompt = s.request().args().isEmpty() ? "cp-survey" : s.request().args().get(0);
        if (!prompt.matches("[A-Za-z0-9_/.-]+")) {
            prompt = "cp-survey";
        }
        String command = "GET DATA " + prompt + " 6000 1";
        return s.send(AgiCommands.getVariable("CP_UUID")).thenCompose(uuid -> {
            String callId = uuid.ok() && uuid.result() == 1 ? uuid.data().orElse("") : "";
            return s.send(command).thenCompose(r -> {
                int score = score(r);
                if (score < 1) {
                    log.info("survey for call {}: no score ({})", callId, r.lines().get(0));
                    return CompletableFuture.completedFuture(null);
                }
                feedback.survey(callId.isEmpty() ? s.callId() : callId, s.request().uniqueId(),
                        s.request().callerId(), score);
                return s.send(AgiCommands.setVariable("CP_SURVEY_SCORE", Integer.toString(score)));
            });
        });
    }

    /** {@code 200 result=4} → 4; a timeout ({@code (timeout)}), -1, or a key outside 1-5 → 0. */
    static int score(AgiReply r) {
        if (!r.ok() || r.data().map(d -> d.contains("timeout")).orElse(false)) {
            return 0;
        }
        int v = r.result();
        return v >= 1 && v <= 5 ? v : 0;
    }
}
