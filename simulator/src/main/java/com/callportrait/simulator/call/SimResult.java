package com.callportrait.simulator.call;

/**
 * What happened to one simulated call (immutable); times are {@link System#nanoTime()} (-1 = did not happen).
 *
 * @param callId          CP_UUID the server set
 * @param channel         the simulated caller channel
 * @param queue           CP_QUEUE the server set
 * @param agent           the agent who answered
 * @param angryEndNanos   when the first angry utterance ended (its final transcript and emotion were delivered)
 * @param connectNanos    when AgentConnect was sent
 * @param failure         why the call could not be played, or {@code ""}
 * @param routeNanos      how long the {@code route} FastAGI session took, as the caller saw it (-1 = none)
 * @param degraded        the route script answered on defaults ({@code CP_DEGRADED=1})
 * @param spoke           the caller's recorded voice was streamed over AudioSocket
 */
public record SimResult(String callId, String channel, String queue, String agent, long angryEndNanos,
                        long connectNanos, String failure, long routeNanos, boolean degraded, boolean spoke) {
    /** A call that could not be played to its end. */
    public static SimResult failed(String callId, String channel, String queue, long routeNanos, String failure) {
        return new SimResult(callId, channel, queue, "", -1, -1, failure, routeNanos, false, false);
    }

    public boolean ok() {
        return failure.isEmpty();
    }
}
