/**
 * How the application hears of a call while it waits in a queue and talks to an agent, and acts on
 * it: the Asterisk Manager Interface client (Netty): the wire codec ({@link com.callportrait.live.ami.AmiDecoder},
 * {@link com.callportrait.live.ami.AmiEncoder}), actions with {@code ActionID} correlation and timeouts,
 * event lists ({@code Status}, {@code QueueStatus}), client-side event filtering, automatic
 * reconnect with backoff, and a bounded hand-off queue so a slow consumer never stalls the socket
 * reader ({@link com.callportrait.live.ami.AmiClient}).
 */
package com.callportrait.live.ami;
