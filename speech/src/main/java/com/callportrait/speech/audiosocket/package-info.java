/**
 * The AudioSocket wire protocol of Asterisk ({@code res_audiosocket}): frames
 * {@code kind (1 byte) | length (2 bytes, big-endian) | payload}, a Netty decoder/encoder pair with
 * an explicit state and a single protocol-violation path, and the TCP server (default port 9092)
 * that receives the caller's audio and hands it to the recognition pool off the event loop.
 */
package com.callportrait.speech.audiosocket;
