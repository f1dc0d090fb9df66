package com.callportrait.simulator.call;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The application under test as an outside observer sees it: where it listens, how an agent page
 * gets a token, and (optionally) where scripted words go when no audio is streamed. Immutable.
 *
 * @param agi         the FastAGI server
 * @param http        the HTTP server (agent WebSockets, {@code /metrics}, {@code /health})
 * @param audioSocket the AudioSocket server, when speech runs
 * @param tokens      issues agent page tokens (a token is what an agent's browser would carry)
 * @param speech      takes scripted utterances when the caller does not stream audio (empty = callers
 *                    without audio say nothing)
 */
public record Target(InetSocketAddress agi, InetSocketAddress http, Optional<InetSocketAddress> audioSocket,
                     Tokens tokens, Optional<ScriptedSpeech> speech) {
    /** Issues the token an agent's page presents on {@code /ws/agent/{agent}}. Thread-safe. */
    @FunctionalInterface
    public interface Tokens {
        String agent(String agent, Duration validFor);
    }

    public Target {
        Objects.requireNonNull(agi, "agi");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(audioSocket, "audioSocket");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(speech, "speech");
    }
}
