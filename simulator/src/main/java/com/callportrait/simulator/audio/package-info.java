/**
 * A caller's voice as Asterisk's {@code AudioSocket()} sends it
 * ({@link com.callportrait.simulator.audio.AudioCaller}, and its
 * {@link com.callportrait.simulator.audio.AudioCaller.Session} for audio of one's own or a
 * connection kept open); the bundled recording is {@code sim/caller-8k.raw} on the classpath.
 */
package com.callportrait.simulator.audio;
