package com.callportrait.bench.cli;

import com.callportrait.bench.agi.AsteriskJavaRouteScript;
import com.callportrait.events.EventWriter;
import com.callportrait.events.RedisStreamSink;
import com.callportrait.route.RulesLoader;
import com.callportrait.server.AppOptions;
import com.callportrait.server.RedisBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import org.asteriskjava.fastagi.DefaultAgiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code agi-baseline-server}: asterisk-java's {@code DefaultAgiServer} running the route script
 * (same store, rules, variables and {@code route} event as {@code serve}), configured from the same
 * environment as {@code serve} ({@code CP_REDIS_URI}, {@code CP_BIND_ADDRESS}, {@code CP_AGI_PORT},
 * {@code CP_ROUTE_BUDGET_MS}, ...). {@code bench agi} starts it in its own JVM exactly as it starts
 * {@code serve}. Runs until the JVM is asked to stop (SIGTERM). One instance per run.
 */
@Command(name = "agi-baseline-server", hidden = true, mixinStandardHelpOptions = true,
        description = "asterisk-java DefaultAgiServer with the route script, for bench agi (runs until SIGTERM).")
public final class AgiBaselineServerCommand extends BenchCommand {
    @Option(names = "--threads", defaultValue = "64", description = "asterisk-java pool size (default ${DEFAULT-VALUE})")
    int threads;

    @Override
    public Integer call() throws Exception {
        AppOptions o = settings().app();
        CountDownLatch stopped = new CountDownLatch(1);
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START)) {
            EventWriter events = EventWriter.create(RedisStreamSink.create(redis.connector().async(), o.eventsMaxLen()),
                    o.eventsBuffer(), new SimpleMeterRegistry()).start();
            DefaultAgiServer aj = new DefaultAgiServer(new AsteriskJavaRouteScript(redis.store(),
                    RulesLoader.source(o.routingRules()), events, o.routeBudget(), o.agiSetMode(), o.phones()));
            aj.setAddress(InetAddress.getByName(o.bindAddress()));
            aj.setPort(o.agiPort());
            aj.setPoolSize(threads);
            aj.setMaximumPoolSize(threads);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                aj.shutdown();
                events.close();
                stopped.countDown();
            }, "baseline-stop"));
            out().printf("asterisk-java DefaultAgiServer serving: FastAGI %s:%d, %d threads, Redis %s%n",
                    o.bindAddress(), o.agiPort(), threads, redis.description());
            out().flush();
            aj.startup(); // blocks while serving
            stopped.await();
        }
        return 0;
    }
}
