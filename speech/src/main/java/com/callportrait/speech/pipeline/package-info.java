/**
 * The live path of one call: AudioSocket audio, voice-activity gating, resampling, Vosk, then per
 * final utterance the voice features, the emotion reading and redaction, emitted as
 * {@link com.callportrait.speech.pipeline.TranscriptEvent} and
 * {@link com.callportrait.speech.pipeline.EmotionEvent} to
 * {@link com.callportrait.speech.pipeline.SpeechListener}s. Raw (unredacted) words stay inside
 * the call's transcriber, for the emotion reading only; every event carries redacted text.
 * {@link com.callportrait.speech.pipeline.SpeechEngine} is the facade the application wires in;
 * {@link com.callportrait.speech.pipeline.FileTranscriber} plays recordings through that same path.
 */
package com.callportrait.speech.pipeline;
