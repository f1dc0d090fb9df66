/**
 * The FastAGI routing benchmark ({@code agi}): {@link com.callportrait.bench.agi.AgiBenchmark}
 * starts one redis-server with the customers ({@link com.callportrait.bench.agi.BenchCustomers}),
 * then CallPortrait's {@code serve} and asterisk-java's {@code DefaultAgiServer} running the same
 * route script ({@link com.callportrait.bench.agi.AsteriskJavaRouteScript}), each in its own JVM,
 * each loaded from a third JVM ({@code agi.load}) that plays Asterisk byte for byte. The only place
 * asterisk-java is used.
 */
package com.callportrait.bench.agi;
