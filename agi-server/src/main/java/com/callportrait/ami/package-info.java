/**
 * The Asterisk Manager Interface client (Netty): the wire codec ({@link com.callportrait.ami.AmiDecoder},
 * {@link com.callportrait.ami.AmiEncoder}), actions with {@code ActionID} correlation and timeouts,
 * event lists ({@code Status}, {@code QueueStatus}), client-side event filtering, automatic
 * reconnect with backoff, and a bounded hand-off queue so a slow consumer never stalls the socket
 * reader ({@link com.callportrait.ami.AmiClient}).
 */
package com.callportrait.ami;
