/**
 * Speech library benchmarks: recognition accuracy ({@code asr-accuracy}, word error rate) and
 * capacity ({@code asr-capacity}) on the telephone-band set of {@code speech/src/test/benchmark},
 * the text emotion model ({@code emotion}) and the redactor ({@code redaction}).
 */
package com.callportrait.bench.speech;
