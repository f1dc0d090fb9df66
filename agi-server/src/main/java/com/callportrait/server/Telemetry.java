package com.callportrait.server;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The process's meter registry (Prometheus) with the JVM binders and
 * {@code callportrait_build_info{version,java}} (always 1: a dashboard joins on it to show which
 * version each instance runs). One per process; thread-safe; {@link #close()} releases the GC
 * listener.
 *
 * <p>Every timer is published as a histogram ({@code _bucket} series) and never with client-side
 * percentiles: a percentile computed inside one process cannot be combined with another
 * instance's, buckets can ({@code histogram_quantile(0.99, sum by (le) (rate(..._bucket[5m])))}).
 * The registry enforces it, so a timer registered with {@code publishPercentiles} is turned into a
 * histogram too.
 */
public final class Telemetry implements AutoCloseable {
    /** The version in the jar's manifest, or this when running from classes (tests, IDE). */
    public static final String DEVELOPMENT_VERSION = "development";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Telemetry() {
        registry.config().meterFilter(HISTOGRAMS_NOT_PERCENTILES);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
        Gauge.builder("callportrait.build.info", () -> 1)
                .description("always 1; the labels say which CallPortrait and Java this instance runs")
                .tags("version", version(), "java", Runtime.version().toString())
                .register(registry);
    }

    /** CallPortrait's version from the jar manifest, else {@value #DEVELOPMENT_VERSION}. */
    public static String version() {
        String v = Telemetry.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? DEVELOPMENT_VERSION : v;
    }

    /** Timers: percentile histogram on, client-side percentiles off (they do not aggregate). */
    static final MeterFilter HISTOGRAMS_NOT_PERCENTILES = new MeterFilter() {
        @Override
        public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
            if (id.getType() != Meter.Type.TIMER) {
                return config;
            }
            return DistributionStatisticConfig.builder()
                    .percentilesHistogram(true)
                    .percentiles(new double[0])
                    .build()
                    .merge(config);
        }
    };

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
