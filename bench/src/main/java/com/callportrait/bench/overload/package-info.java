/**
 * The "Vosk overloaded" fault ({@code overload}, and {@code SpeechOverloadIT} for the short run):
 * more real-time AudioSocket callers than the recognition pool carries, against the whole
 * application on loopback, with what was shed and how health degraded and recovered.
 */
package com.callportrait.bench.overload;
