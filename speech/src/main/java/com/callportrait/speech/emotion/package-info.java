/**
 * Emotion of a caller: per-utterance readings from the words (a Tribuo text model) and the voice
 * (loudness, pitch, speaking rate against the caller's own baseline), and a smoothed call-level
 * trend that says when a caller is escalating.
 */
package com.callportrait.speech.emotion;
