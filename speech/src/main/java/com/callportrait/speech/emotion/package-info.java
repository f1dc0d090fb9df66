/**
 * Emotion of a caller: per-utterance readings from the words (the call-centre mood and escalation
 * models, stacked on a general GoEmotions sentiment model, all Tribuo) and the voice (loudness,
 * pitch, speaking rate against the caller's own baseline), and a smoothed call-level trend that
 * says when, and how likely, a caller is escalating.
 */
package com.callportrait.speech.emotion;
