/**
 * The portrait engine, kept apart from the profile store that routing reads
 * ({@code com.callportrait.profile}): it turns collected records into the
 * {@link com.callportrait.profile.CustomerProfile}s that store holds. Only this side loads Tribuo.
 * Its sub-packages in the order data meets them: {@code collect} (sources and raw records),
 * {@code clean}, {@code semantic} (topics, emotions, contact links), {@code features},
 * {@code segment} and {@code risk} (the Tribuo models), {@code tags}, {@code engine} (ingest, training,
 * batch and live builds, model registry), {@code report}; {@code gen} makes synthetic data for demos,
 * tests and benchmarks. This package owns only the engine's exception, {@link PortraitException}.
 */
package com.callportrait.portrait;
