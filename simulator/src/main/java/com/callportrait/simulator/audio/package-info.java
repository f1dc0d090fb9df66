/**
 * A caller's voice as Asterisk's {@code AudioSocket()} sends it
 * ({@link com.callportrait.simulator.audio.AudioCaller}); the bundled recording is
 * {@code sim/caller-8k.raw} on the classpath.
 */
package com.callportrait.simulator.audio;
