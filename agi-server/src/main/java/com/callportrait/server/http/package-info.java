/**
 * The HTTP side (Netty): {@link com.callportrait.server.http.HttpServer} with a small
 * {@link com.callportrait.server.http.Router} ({@code GET /health}, {@code /health/ready},
 * {@code /health/live}, {@code /metrics}, {@code /api/profiles/{phone}}, and the screen-pop pages
 * and WebSockets answered in front of it), each route with its
 * {@link com.callportrait.server.http.Access}. Every connection passes the source allow-list
 * ({@code CP_HTTP_ALLOW}) and every request the {@link com.callportrait.server.http.AccessGate}
 * (tokens, per-source throttling of failures) before any handler. Handlers are asynchronous and
 * never block the event loop; every error body is JSON written by Jackson.
 */
package com.callportrait.server.http;
