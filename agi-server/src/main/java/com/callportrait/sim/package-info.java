/**
 * The call simulator: plays whole calls against the application as Asterisk would, over the real
 * protocols: a FastAGI client session ({@link com.callportrait.sim.SimAgiClient}, the recorded
 * environment block), an AMI endpoint the application connects to
 * ({@link com.callportrait.sim.SimAmiServer}: banner, login, QueueCallerJoin/AgentCalled/
 * AgentConnect/AgentComplete/Hangup in the recorded format, replies to QueueChangePriorityCaller
 * and Redirect), and scripted caller moods ({@link com.callportrait.sim.Mood}) whose utterances
 * reach live call state through the speech seam ({@link com.callportrait.live.calls.SpeechUpdates}).
 * The soak run ({@link com.callportrait.sim.SoakRun}, command {@code soak}) keeps many such calls up
 * for a bounded time and measures latency, heap, threads, Redis memory, exact-once records and
 * repeated AMI actions, optionally dropping the AMI connection on a schedule.
 */
package com.callportrait.sim;
