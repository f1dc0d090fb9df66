/**
 * Where a call meets CallPortrait first: routing at call start. The operator's
 * {@link com.callportrait.route.RoutingRules} (YAML, bundled default or {@code CP_ROUTING_RULES},
 * read by {@link com.callportrait.route.RulesLoader} and reloaded on an edit), the
 * {@link com.callportrait.route.RoutingDecision} they produce for a caller, and the {@code route}
 * FastAGI script ({@link com.callportrait.route.RouteScript}) that looks the caller up within a
 * time budget and sets the {@code CP_*} channel variables, failing open to default routing.
 * {@link com.callportrait.route.RouteListener} tells the live stage of each decision.
 */
package com.callportrait.route;
