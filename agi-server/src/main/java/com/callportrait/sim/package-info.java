/**
 * The call simulator: plays whole calls against the application as Asterisk would, over the real
 * protocols: a FastAGI client session ({@link com.callportrait.sim.SimAgiClient}, the recorded
 * environment block), an AMI endpoint the application connects to
 * ({@link com.callportrait.sim.SimAmiServer}: banner, login, QueueCallerJoin/AgentCalled/
 * AgentConnect/AgentComplete/Hangup in the recorded format, replies to QueueChangePriorityCaller
 * and Redirect), and scripted caller moods ({@link com.callportrait.sim.Mood}) whose utterances
 * reach live call state through the speech seam ({@link com.callportrait.calls.SpeechUpdates}).
 */
package com.callportrait.sim;
