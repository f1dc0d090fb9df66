package com.callportrait.speech.pipeline;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;

/**
 * Whether the agent's leg of a call is transcribed too, and how talk-over and silence are
 * measured. Immutable and thread-safe; built by {@link #from(Env)} at start-up or by
 * {@link #builder()}.
 *
 * @param enabled {@code CP_TAP_AGENT} (yes | no, default no). The dialplan global of the same name
 *                starts the agent's tap; this one lets the server take it. Off: an agent stream
 *                that arrives anyway is read and dropped (nothing is decoded), and nothing else changes.
 * @param gapMs   {@code CP_TALK_GAP_MS} (default {@value #DEFAULT_GAP_MS}): pauses between words
 *                shorter than this count as speech, not as silence (breaths, word boundaries)
 */
public record AgentLegOptions(boolean enabled, int gapMs) {
    public static final boolean DEFAULT_ENABLED = false;
    public static final int DEFAULT_GAP_MS = 300;

    public AgentLegOptions {
        if (gapMs < 0 || gapMs > 5_000) {
            throw new ConfigException("CP_TALK_GAP_MS", "must be 0-5000 ms, got " + gapMs);
        }
    }

    public static AgentLegOptions defaults() {
        return new AgentLegOptions(DEFAULT_ENABLED, DEFAULT_GAP_MS);
    }

    /** The options from {@code env}; a bad value names its variable. */
    public static AgentLegOptions from(Env env) {
        return new AgentLegOptions(env.bool("CP_TAP_AGENT", DEFAULT_ENABLED), env.intIn("CP_TALK_GAP_MS",
                DEFAULT_GAP_MS, 0, 5_000));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link AgentLegOptions} from the defaults. Not thread-safe. */
    public static final class Builder {
        private boolean enabled = DEFAULT_ENABLED;
        private int gapMs = DEFAULT_GAP_MS;

        private Builder() {
        }

        public Builder enabled(boolean v) {
            enabled = v;
            return this;
        }

        public Builder gapMs(int v) {
            gapMs = v;
            return this;
        }

        public AgentLegOptions build() {
            return new AgentLegOptions(enabled, gapMs);
        }
    }
}
