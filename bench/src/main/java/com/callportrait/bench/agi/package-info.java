/**
 * Loopback benchmarks run by {@code callportrait.jar bench ...}. {@code bench agi}
 * ({@link com.callportrait.bench.AgiBenchmark}) drives FastAGI sessions exactly as Asterisk does
 * ({@link com.callportrait.bench.AgiLoadClient}) against CallPortrait and, in the same run, against
 * asterisk-java's {@code DefaultAgiServer} running the same lookup
 * ({@link com.callportrait.bench.AsteriskJavaRouteScript}).
 */
package com.callportrait.bench;
