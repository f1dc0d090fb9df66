package com.callportrait.server.health;

/**
 * The state of one dependency, or of the whole application.
 *
 * <ul>
 *   <li>{@link #UP}: working as intended.
 *   <li>{@link #DEGRADED}: calls are still routed, but something is lost or late (routing on
 *       defaults, live actions paused, partials or audio shed, events buffered).
 *   <li>{@link #DOWN}: the dependency is unreachable or the part is stopped.
 *   <li>{@link #OFF}: not configured (e.g. no {@code CP_AMI_URI}); never a problem.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public enum HealthState {
    UP(2), DEGRADED(1), DOWN(0), OFF(2);

    private final int gauge;

    HealthState(int gauge) {
        this.gauge = gauge;
    }

    /** The value of {@code cp_health_status}: 2 up (or off), 1 degraded, 0 down. */
    public int gaugeValue() {
        return gauge;
    }

    /** True for UP and OFF: nothing an operator needs to look at. */
    public boolean healthy() {
        return this == UP || this == OFF;
    }
}
