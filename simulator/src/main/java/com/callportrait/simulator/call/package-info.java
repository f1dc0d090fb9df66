/**
 * Simulated calls: who calls ({@link com.callportrait.simulator.call.Caller}), what they say
 * ({@link com.callportrait.simulator.call.Mood}), one call's script
 * ({@link com.callportrait.simulator.call.SimCall}) and its playing
 * ({@link com.callportrait.simulator.call.CallSimulator}: FastAGI route, AMI queue events,
 * speech, agent, survey, hangup), the demo's stream of calls and batch runs, against a
 * {@link com.callportrait.simulator.call.Target}.
 */
package com.callportrait.simulator.call;
