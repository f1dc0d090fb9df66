package com.callportrait.server;

import com.callportrait.common.config.Env;
import com.callportrait.speech.asr.AsrOptions;
import com.callportrait.speech.audiosocket.AudioSocketOptions;
import com.callportrait.speech.pipeline.AgentLegOptions;
import java.util.Objects;

/**
 * Speech settings of the application. Immutable and thread-safe; built by {@link #from(Env)} at
 * start-up or by {@link #builder()}, whose defaults are {@link #DEFAULT_ENABLED} and the speech
 * module's own defaults.
 *
 * @param enabled {@code CP_SPEECH} (on | off, default on): off = no model, no AudioSocket server
 * @param asr     recognition settings ({@code CP_ASR_*}, {@code CP_VOSK_MODEL}, {@code CP_DATA_DIR})
 * @param socket  AudioSocket settings ({@code CP_AUDIOSOCKET_*}); host and port are taken from {@link AppOptions}
 * @param agentLeg whether the agent's leg is transcribed too ({@code CP_TAP_AGENT}, {@code CP_TALK_GAP_MS}; default off)
 */
public record SpeechSettings(boolean enabled, AsrOptions asr, AudioSocketOptions socket, AgentLegOptions agentLeg) {
    /** Speech is on unless {@code CP_SPEECH=off}. */
    public static final boolean DEFAULT_ENABLED = true;

    public SpeechSettings {
        Objects.requireNonNull(asr, "asr");
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(agentLeg, "agentLeg");
    }

    /** The caller's leg only (the agent's leg is not tapped). */
    public SpeechSettings(boolean enabled, AsrOptions asr, AudioSocketOptions socket) {
        this(enabled, asr, socket, AgentLegOptions.defaults());
    }

    /** These settings with the agent-leg options {@code o}. */
    public SpeechSettings withAgentLeg(AgentLegOptions o) {
        return new SpeechSettings(enabled, asr, socket, o);
    }

    /** The settings from {@code env}; a bad value names its variable. */
    public static SpeechSettings from(Env env) {
        return new SpeechSettings(env.bool("CP_SPEECH", DEFAULT_ENABLED), AsrOptions.from(env),
                AudioSocketOptions.from(env), AgentLegOptions.from(env));
    }


    /** Speech on, with the speech module's defaults. */
    public static SpeechSettings defaults() {
        return new SpeechSettings(DEFAULT_ENABLED, AsrOptions.defaults(), AudioSocketOptions.defaults());
    }

    /** No speech (tests and benchmarks of the other parts). */
    public static SpeechSettings off() {
        return new SpeechSettings(false, AsrOptions.defaults(), AudioSocketOptions.defaults());
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SpeechSettings}. Not thread-safe. */
    public static final class Builder {
        private boolean enabled = DEFAULT_ENABLED;
        private AsrOptions asr = AsrOptions.defaults();
        private AudioSocketOptions socket = AudioSocketOptions.defaults();
        private AgentLegOptions agentLeg = AgentLegOptions.defaults();

        private Builder() {
        }

        public Builder enabled(boolean v) {
            enabled = v;
            return this;
        }

        public Builder asr(AsrOptions v) {
            asr = v;
            return this;
        }

        public Builder socket(AudioSocketOptions v) {
            socket = v;
            return this;
        }

        public Builder agentLeg(AgentLegOptions v) {
            agentLeg = v;
            return this;
        }

        public SpeechSettings build() {
            return new SpeechSettings(enabled, asr, socket, agentLeg);
        }
    }
}
