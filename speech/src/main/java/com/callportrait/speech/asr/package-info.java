/**
 * Vosk streaming recognition: where the model comes from ({@code CP_VOSK_MODEL} or the bundled
 * English model), the one shared {@link com.callportrait.speech.asr.SpeechModel}, a
 * {@link com.callportrait.speech.asr.StreamingRecognizer} per call, the bounded worker pool with
 * a serial mailbox per call ({@link com.callportrait.speech.asr.RecognitionPool}) and the
 * recognition metrics.
 */
package com.callportrait.speech.asr;
