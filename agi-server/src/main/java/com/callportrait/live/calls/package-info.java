/**
 * Live call state: one {@link com.callportrait.live.calls.CallRegistry} knows every call in progress
 * (CP_UUID, channel, Uniqueid/Linkedid, caller, profile, queue and position, agent, redacted
 * transcript, emotion trend, actions taken), fed by the route script, AMI events
 * ({@link com.callportrait.live.calls.AmiCallTracker}) and speech updates
 * ({@link com.callportrait.live.calls.SpeechUpdates}). Consumers read immutable
 * {@link com.callportrait.live.calls.CallSnapshot}s and are told of changes through
 * {@link com.callportrait.live.calls.CallListener}. A call leaves the registry on the Hangup of its
 * caller channel, or after a safety expiry.
 */
package com.callportrait.live.calls;
