/**
 * Who may connect: source-address allow-lists for the TCP servers Asterisk talks to (AudioSocket
 * here, FastAGI in the application), built on Netty's {@code io.netty.handler.ipfilter}. A refused
 * connection is closed as it registers, before a byte of it is read, logged (rate-limited) and
 * counted in {@code cp_connections_refused_total{server=...}}.
 */
package com.callportrait.speech.access;
