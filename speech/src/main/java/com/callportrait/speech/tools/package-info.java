/**
 * Offline tools on the live path: {@link com.callportrait.speech.tools.FileTranscriber} plays
 * recordings through the AudioSocket codec, resampling, recognition, emotion and redaction, and
 * reports one result per utterance.
 */
package com.callportrait.speech.tools;
