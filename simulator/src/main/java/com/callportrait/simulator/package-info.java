/**
 * A black-box Asterisk for CallPortrait: plays whole calls against a running application over
 * the wire protocols only, as a PBX, a caller and an agent's browser would. It knows nothing of the
 * application's classes; what it needs of the application (addresses, agent tokens, where
 * scripted words go) is handed to it as a {@link com.callportrait.simulator.call.Target}.
 *
 * <ul>
 *   <li>{@link com.callportrait.simulator.agi}: FastAGI client sessions (the recorded environment
 *       block, Asterisk's replies).</li>
 *   <li>{@link com.callportrait.simulator.ami}: an AMI endpoint the application logs in to (banner,
 *       login, queue events in the recorded format, replies to its actions), or a scripted one.</li>
 *   <li>{@link com.callportrait.simulator.audio}: a caller's voice over AudioSocket.</li>
 *   <li>{@link com.callportrait.simulator.call}: scripted callers and calls, the demo's stream of
 *       calls, batch runs ({@code simulate}).</li>
 *   <li>{@link com.callportrait.simulator.observe}: what an outsider watches: agent pages over
 *       WebSocket, {@code /metrics}.</li>
 *   <li>{@link com.callportrait.simulator.soak}: the soak run ({@code soak}).</li>
 * </ul>
 */
package com.callportrait.simulator;
