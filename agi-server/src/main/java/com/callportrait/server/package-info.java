/**
 * The application shell: {@link com.callportrait.cli.Main} (the command line),
 * {@link com.callportrait.server.Settings} (every module's settings, built once from the environment
 * and validated at start-up) and the wiring of stores and servers into one process with an orderly start and stop.
 * Commands live in {@code com.callportrait.server.cli}.
 */
package com.callportrait.server;
