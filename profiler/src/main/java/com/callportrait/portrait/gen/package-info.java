/**
 * Synthetic call-centre data for a utility/telecom with fixed seeds: customers with tiers,
 * languages and phones, bills with late payments, complaints, service tickets, calls and chats with
 * queue, wait, talk time, agent, outcome, survey and short transcripts. Customers belong to hidden
 * {@link LatentType}s so that segments and complaint risk are learnable. Used by {@code demo},
 * tests and benchmarks; streams into a {@link com.callportrait.portrait.collect.RecordSink}.
 */
package com.callportrait.portrait.gen;
