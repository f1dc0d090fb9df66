package com.callportrait.route.fastagi;

import java.util.concurrent.CompletionStage;

/**
 * A FastAGI script, selected by {@code agi_network_script}. Implementations are shared by all
 * sessions, so they must be thread-safe, and must never block: return a stage that completes
 * when the script is done (the server then closes the session).
 */
@FunctionalInterface
public interface AgiScript {
    CompletionStage<?> run(AgiSession session);
}
