/**
 * What managers ask of the contact data beyond one customer's portrait: agent performance groups
 * (Tribuo K-means over standardised agent features, named high/middle/low by a documented score of
 * the centroids, {@link com.callportrait.portrait.insights.AgentGroups}), association rules between
 * plans/tiers/attributes and contact reasons ({@link com.callportrait.portrait.insights.AssociationRules}),
 * demand heat per topic ({@link com.callportrait.portrait.insights.DemandHeat}) and an hour-of-week
 * forecast of contact volume ({@link com.callportrait.portrait.insights.HourlyForecast}).
 *
 * <p>Everything reads one {@link com.callportrait.portrait.insights.ContactLog}, a compact columnar
 * copy of the accepted contacts of a build, so each algorithm can be run on any time window (the
 * benchmarks train on past weeks and measure on the following ones). {@link
 * com.callportrait.portrait.insights.Insights#compute} runs them all into one immutable snapshot
 * that the report, {@code /api/insights} and routing read. No Redis, no HTTP here.
 */
package com.callportrait.portrait.insights;
