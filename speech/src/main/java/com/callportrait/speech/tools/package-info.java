/**
 * Command logic that the application's CLI exposes ({@code emotion}) and the benchmarks behind
 * BENCHMARKS.md (emotion accuracy and speed, redaction recall). Each class reads and writes streams
 * so that the CLI, tests and Maven exec runs share one implementation.
 */
package com.callportrait.speech.tools;
