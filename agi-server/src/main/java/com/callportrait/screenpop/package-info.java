/**
 * Screen pops and the supervisor's view: HTTP routes and WebSockets on Netty
 * ({@link com.callportrait.screenpop.ScreenPopHandler}: {@code /agent/{agent}}, {@code /supervisor},
 * {@code /api/calls}, {@code /ws/agent/{agent}}, {@code /ws/supervisor}), the push logic
 * ({@link com.callportrait.screenpop.ScreenPopHub}: portrait on AgentCalled/AgentConnect, then live
 * transcript, emotion and alerts), HMAC-signed expiring tokens per agent and for supervisors
 * ({@link com.callportrait.live.TokenService}), and the agent's disposition flowing back as
 * {@code type=feedback} events. The pages are plain HTML/JS/CSS resources under {@code /web}.
 */
package com.callportrait.screenpop;
