/**
 * Implementations behind the emotion stage: tokenizer and text features, the VADER lexicon, the
 * YIN pitch tracker and per-call prosody baselines, the text+voice fusion. Not a public API: use
 * {@link com.callportrait.speech.emotion.Emotions} and
 * {@link com.callportrait.speech.emotion.TextEmotionModel}.
 */
package com.callportrait.speech.emotion.internal;
