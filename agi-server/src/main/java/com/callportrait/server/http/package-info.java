/**
 * The HTTP side (Netty): {@link com.callportrait.server.http.HttpServer} with a small
 * {@link com.callportrait.server.http.Router} ({@code GET /health}, {@code /health/ready},
 * {@code /health/live}, {@code /metrics}, {@code /api/profiles/{phone}}), and in front of it the
 * screen-pop pages and WebSockets, each registered with one line. Handlers are asynchronous and
 * never block the event loop.
 */
package com.callportrait.server.http;
