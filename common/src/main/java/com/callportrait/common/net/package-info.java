/**
 * Netty pieces every CallPortrait server shares: source allow-lists (refuse before reading a byte) and
 * the event-loop gauges.
 */
package com.callportrait.common.net;
