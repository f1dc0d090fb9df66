/**
 * The HTTP side (Netty): {@link com.callportrait.server.http.HttpServer} with a small
 * {@link com.callportrait.server.http.Router} ({@code GET /health}, {@code /metrics},
 * {@code /api/profiles/{phone}} now; {@code /agent/{agent}}, {@code /ws/agent/{agent}},
 * {@code /supervisor}, {@code /api/calls} are added with one {@code route(...)} each). Handlers are
 * asynchronous and never block the event loop.
 */
package com.callportrait.server.http;
