/**
 * Vosk streaming recognition: where the model comes from ({@code CP_VOSK_MODEL} or the bundled
 * English model), the one shared {@link com.callportrait.speech.asr.SpeechModel}, the
 * {@link com.callportrait.speech.asr.SpeechRecognizer} a call drives (Vosk's is
 * {@link com.callportrait.speech.asr.StreamingRecognizer}), the pool of warm recognisers calls
 * lease and return ({@link com.callportrait.speech.asr.RecognizerPool}), the bounded worker
 * threads with a serial mailbox per call ({@link com.callportrait.speech.asr.RecognitionPool})
 * and the recognition metrics.
 */
package com.callportrait.speech.asr;
