/**
 * Command logic that the application's CLI exposes and the benchmarks behind BENCHMARKS.md:
 * {@link com.callportrait.speech.tools.FileTranscriber} plays recordings through the live path
 * (AudioSocket codec, resampling, recognition, emotion, redaction) and reports one result per
 * utterance ({@code transcribe}); {@code emotion} and the emotion/redaction benchmarks. Each class
 * reads and writes streams so that the CLI, tests and Maven exec runs share one implementation.
 */
package com.callportrait.speech.tools;
