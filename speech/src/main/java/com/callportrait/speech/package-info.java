/**
 * Live speech for CallPortrait: AudioSocket in ({@code audiosocket}), resampling and voice activity
 * ({@code audio}), Vosk streaming recognition ({@code asr}), emotion ({@code emotion}), redaction
 * ({@code redact}), and the per-call pipeline that ties them together and emits events
 * ({@code pipeline}). The application uses {@code pipeline.SpeechEngine}.
 */
package com.callportrait.speech;
