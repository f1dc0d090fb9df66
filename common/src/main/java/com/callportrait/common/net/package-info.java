/**
 * Netty pieces every CallPortrait server shares: source allow-lists (refuse before reading a byte),
 * the event-loop gauges, and the call-path event loops the FastAGI server and the Redis client run on.
 */
package com.callportrait.common.net;
