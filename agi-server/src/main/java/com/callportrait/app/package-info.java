/**
 * The application shell: {@link com.callportrait.app.Main} (the command line),
 * {@link com.callportrait.app.AppOptions} (every setting, from the environment, validated at
 * start-up) and the wiring of stores and servers into one process with an orderly start and stop.
 * Commands live in {@code com.callportrait.app.cli}.
 */
package com.callportrait.app;
