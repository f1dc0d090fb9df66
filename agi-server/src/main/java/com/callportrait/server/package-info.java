/**
 * The running process: {@link com.callportrait.server.Settings} (every module's settings, built once
 * from the environment and validated at start-up) and {@link com.callportrait.server.Application},
 * which builds every stage from those settings and starts and stops them in one stated order, with
 * one shared scheduler for periodic work; {@link com.callportrait.server.AppOptions} (the server's
 * own settings), {@link com.callportrait.server.SpeechSettings}, the Redis backend
 * ({@link com.callportrait.server.RedisBackend}: configured or embedded), live speech
 * ({@link com.callportrait.server.LiveSpeech}: Vosk and the AudioSocket server feeding the live call
 * state and the events), telemetry and logging. Health checks are in {@code server.health}, the HTTP
 * server in {@code server.http}; the command line that builds the settings and starts all this is one
 * stage up.
 */
package com.callportrait.server;
