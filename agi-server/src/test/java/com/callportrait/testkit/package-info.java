/**
 * The one test kit of the application's tests: {@link com.callportrait.testkit.Await} (poll until
 * a condition holds), {@link com.callportrait.testkit.ListSink} (an in-memory event sink),
 * {@link com.callportrait.testkit.AppProcess} (the application as a separate process, for tests
 * that kill it) and {@link com.callportrait.testkit.TestCertificates} (a throw-away CA). Test
 * profiles come from the profiler's test jar ({@code com.callportrait.profile.redis.TestProfiles});
 * Asterisk's side of every protocol is the simulator module's.
 */
package com.callportrait.testkit;
