/**
 * The FastAGI server (Netty) Asterisk connects to when a call enters the dialplan: the wire codec
 * ({@link com.callportrait.route.fastagi.AgiDecoder}: environment block, replies, {@code HANGUP}
 * lines), one {@link com.callportrait.route.fastagi.AgiSession} per connection, and dispatch by
 * {@code agi_network_script} to the {@link com.callportrait.route.fastagi.AgiScript}s registered in
 * {@link com.callportrait.route.fastagi.AgiScripts}. Scripts are asynchronous: nothing here blocks
 * an event loop. A broken session is closed with a logged reason and touches no other.
 */
package com.callportrait.route.fastagi;
