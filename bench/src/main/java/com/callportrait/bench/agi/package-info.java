/**
 * The FastAGI routing benchmark ({@code agi}): {@link com.callportrait.bench.agi.AgiBenchmark}
 * drives FastAGI sessions exactly as Asterisk does ({@link com.callportrait.bench.agi.AgiLoadClient},
 * {@link com.callportrait.bench.agi.LoadPhases}) against CallPortrait and, in the same run, against
 * asterisk-java's {@code DefaultAgiServer} running the same lookup
 * ({@link com.callportrait.bench.agi.AsteriskJavaRouteScript}): the only place asterisk-java is used.
 */
package com.callportrait.bench.agi;
