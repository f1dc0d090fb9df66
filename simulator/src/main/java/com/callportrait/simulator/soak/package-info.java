/**
 * The soak run ({@link com.callportrait.simulator.soak.SoakRun}, command {@code soak}): many
 * simulated calls kept up for a bounded time; latency, heap, threads, Redis memory, exactly-once
 * interaction records and repeated AMI actions measured, optionally with the AMI connection
 * dropped on a schedule; the report and its verdicts.
 */
package com.callportrait.simulator.soak;
