/**
 * What the call is about, live: the caller's final utterances scored against the portrait engine's
 * topic taxonomy ({@code topics.yaml}, {@link com.callportrait.portrait.semantic.TopicClassifier}),
 * accumulated over the call with hysteresis so the intent settles instead of flipping word by word
 * ({@link com.callportrait.live.intent.IntentTracker}), and the result with its confidence and the
 * words that support it ({@link com.callportrait.live.intent.CallIntent}). Pure: it knows nothing of
 * live call state, AMI or the pages, which use it.
 */
package com.callportrait.live.intent;
