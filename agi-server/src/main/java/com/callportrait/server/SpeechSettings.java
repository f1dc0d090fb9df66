package com.callportrait.server;

import com.callportrait.common.config.ConfigException;
import com.callportrait.speech.SpeechException;
import com.callportrait.speech.asr.AsrOptions;
import com.callportrait.speech.audiosocket.AudioSocketOptions;
import java.util.Locale;
import java.util.Map;

/**
 * Speech settings of the application. Immutable.
 *
 * @param enabled {@code CP_SPEECH} (on | off, default on): off = no model, no AudioSocket server
 * @param asr     recognition settings ({@code CP_ASR_*}, {@code CP_VOSK_MODEL})
 * @param socket  AudioSocket settings; host and port are taken from {@link AppOptions}
 */
public record SpeechSettings(boolean enabled, AsrOptions asr, AudioSocketOptions socket) {
    public static SpeechSettings fromEnv(Map<String, String> env) {
        String v = env.getOrDefault("CP_SPEECH", "on").trim().toLowerCase(Locale.ROOT);
        if (!v.equals("on") && !v.equals("off") && !v.isEmpty()) {
            throw new ConfigException("CP_SPEECH must be on or off, got '" + v + "'");
        }
        try {
            return new SpeechSettings(!v.equals("off"), AsrOptions.fromEnv(env), AudioSocketOptions.fromEnv(env));
        } catch (SpeechException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    public static SpeechSettings fromEnvironment() {
        return fromEnv(System.getenv());
    }

    /** No speech (tests and benchmarks of the other parts). */
    public static SpeechSettings off() {
        return new SpeechSettings(false, AsrOptions.defaults(), AudioSocketOptions.defaults());
    }
}
