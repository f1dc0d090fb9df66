/**
 * What the agent and the supervisor see of a live call, and what the agent says back: HTTP routes
 * and WebSockets on Netty ({@link com.callportrait.screenpop.ScreenPopHandler}: {@code /agent/{agent}},
 * {@code /supervisor}, {@code /api/calls}, {@code /ws/agent/{agent}}, {@code /ws/supervisor}),
 * the push logic ({@link com.callportrait.screenpop.ScreenPopHub}: the portrait when the agent's
 * phone rings, then live transcript, emotion and alerts), and the agent's disposition and the
 * caller's survey score as {@code type=feedback} events
 * ({@link com.callportrait.screenpop.FeedbackRecorder}). Pages are checked with the live stage's
 * tokens, read by {@link com.callportrait.screenpop.Credentials} (header, HttpOnly page cookie,
 * or the one-time query). With several instances on one Asterisk, page messages go through the
 * {@link com.callportrait.screenpop.RedisPopRelay}, so a page gets them on whichever instance it
 * is connected to. The pages are plain HTML/JS/CSS resources under {@code /web}.
 */
package com.callportrait.screenpop;
