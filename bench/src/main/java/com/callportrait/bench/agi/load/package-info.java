/**
 * The out-of-process FastAGI load generator: {@link com.callportrait.bench.agi.load.AgiLoadMain}
 * runs in its own JVM, plays Asterisk 22 byte for byte against one server and measures it
 * (latency, errors, degraded routes, the server's and its own CPU from {@code /proc}). Depends on
 * Netty and HdrHistogram only, so the load process stays lean.
 */
package com.callportrait.bench.agi.load;
