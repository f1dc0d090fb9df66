package com.callportrait.sim;

/**
 * What happened to one simulated call; times are {@link System#nanoTime()} (-1 = did not happen).
 *
 * @param callId          CP_UUID the server set
 * @param channel         the simulated caller channel
 * @param queue           CP_QUEUE the server set
 * @param agent           the agent who answered
 * @param angryEndNanos   when the first angry utterance ended (its final transcript and emotion were delivered)
 * @param connectNanos    when AgentConnect was sent
 * @param failure         why the call could not be played, or {@code ""}
 */
public record SimResult(String callId, String channel, String queue, String agent, long angryEndNanos,
                        long connectNanos, String failure) {
    public boolean ok() {
        return failure.isEmpty();
    }
}
