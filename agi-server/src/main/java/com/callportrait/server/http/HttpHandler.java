package com.callportrait.server.http;

import java.util.concurrent.CompletionStage;

/** Answers one route. Must not block: return a stage. Shared by all requests, so thread-safe. */
@FunctionalInterface
public interface HttpHandler {
    CompletionStage<HttpReply> handle(HttpCall call);
}
