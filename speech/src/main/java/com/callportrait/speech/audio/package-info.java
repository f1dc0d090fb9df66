/**
 * Signal processing before recognition: 16-bit PCM helpers, a streaming polyphase resampler with
 * a Kaiser-windowed sinc anti-imaging/anti-aliasing filter (telephone 8 kHz to the model's rate),
 * and an energy voice-activity detector (levels above a high-pass, an adaptive noise floor, an end
 * relative to the utterance and a hangover), so silence is
 * not fed to the recogniser. {@link com.callportrait.speech.audio.AudioFiles} reads recordings (WAV,
 * G.711, headerless slin) as 16-bit mono PCM.
 */
package com.callportrait.speech.audio;
