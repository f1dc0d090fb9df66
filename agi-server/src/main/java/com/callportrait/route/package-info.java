/**
 * Routing at call start: the operator's {@link com.callportrait.route.RoutingRules} (YAML,
 * bundled default or {@code CP_ROUTING_RULES}, reloaded on change by
 * {@link com.callportrait.route.RulesSource}), the {@link com.callportrait.route.RoutingDecision}
 * they produce for a caller, and the {@code route} FastAGI script
 * ({@link com.callportrait.route.RouteScript}) that looks the caller up within a time budget and
 * sets the {@code CP_*} channel variables, failing open to default routing.
 */
package com.callportrait.route;
