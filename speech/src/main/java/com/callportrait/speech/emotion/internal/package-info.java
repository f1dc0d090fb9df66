/**
 * Implementations behind the emotion stage: tokenizer and text features (general and call-centre),
 * the recognition-error tolerant escalation matcher, the VADER lexicon, the YIN pitch tracker and
 * per-call prosody baselines, the text+voice fusion. Not a public API: use
 * {@link com.callportrait.speech.emotion.Emotions}, {@link com.callportrait.speech.emotion.CallerMoodModel}
 * and {@link com.callportrait.speech.emotion.TextEmotionModel}.
 */
package com.callportrait.speech.emotion.internal;
