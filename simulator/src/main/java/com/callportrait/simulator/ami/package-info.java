/**
 * The Asterisk Manager Interface as Asterisk serves it: the frame format
 * ({@link com.callportrait.simulator.ami.AmiFrame}, {@code Key: Value} lines and a blank line),
 * the endpoint applications log in to ({@link com.callportrait.simulator.ami.AmiEndpoint}) and
 * the queue events of a call in the recorded Asterisk 22 form
 * ({@link com.callportrait.simulator.ami.AmiEvents}).
 */
package com.callportrait.simulator.ami;
