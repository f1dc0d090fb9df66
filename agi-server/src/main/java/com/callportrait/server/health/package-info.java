/**
 * Health of the application's dependencies: each {@link com.callportrait.server.health.HealthCheck}
 * (FastAGI, Redis, event/record backlog, AMI, speech) says UP, DEGRADED or DOWN with a reason;
 * the {@link com.callportrait.server.health.HealthMonitor} evaluates them once a second on the
 * application's shared scheduler without blocking it, remembers since when each state holds, logs
 * one line per change of state (not per failing request or frame) and exports
 * {@code cp_health_status{check=...}}. The HTTP endpoints ({@code /health}, {@code /health/ready},
 * {@code /health/live}) only read its last report, so a load balancer probing often never adds
 * load on Redis.
 */
package com.callportrait.server.health;
