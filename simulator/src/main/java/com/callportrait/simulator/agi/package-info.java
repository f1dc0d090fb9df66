/**
 * The Asterisk side of FastAGI: {@link com.callportrait.simulator.agi.AgiConnection} (one session
 * over a socket, byte for byte) and {@link com.callportrait.simulator.agi.AgiCaller} (a whole
 * session answered as Asterisk 22 answers).
 */
package com.callportrait.simulator.agi;
