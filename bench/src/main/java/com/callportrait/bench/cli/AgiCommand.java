package com.callportrait.bench.cli;

import com.callportrait.bench.agi.AgiBenchmark;
import com.callportrait.route.SetMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code agi}: FastAGI routing throughput and latency against asterisk-java. One instance per
 * command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "agi", mixinStandardHelpOptions = true,
        description = "Drives many concurrent FastAGI sessions over loopback (exactly as Asterisk 22 does, with the"
                + " Redis profile lookup) against CallPortrait and, in the same run, asterisk-java's DefaultAgiServer"
                + " running the same lookup; prints sessions/s, p50/p99 and the ratio, then a fixed-rate phase.")
public final class AgiCommand extends BenchCommand {
    @Option(names = "--customers", defaultValue = "10000", description = "customers seeded (default ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--concurrency", defaultValue = "64", description = "sessions in flight, closed loop (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--warmup", defaultValue = "5", description = "warm-up seconds per server (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--duration", defaultValue = "10", description = "measured seconds per server (default ${DEFAULT-VALUE})")
    int duration;

    @Option(names = "--rate", defaultValue = "1000", description = "sessions/s of the fixed-rate phase, 0 to skip (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--rate-duration", defaultValue = "10", description = "fixed-rate seconds per server (default ${DEFAULT-VALUE})")
    int rateDuration;

    @Option(names = "--set-mode", defaultValue = "MSET", description = "MSET (one EXEC MSet) or SET (one SET VARIABLE each)")
    SetMode mode;

    @Option(names = "--aj-threads", defaultValue = "64", description = "asterisk-java thread pool size (default ${DEFAULT-VALUE})")
    int ajThreads;

    @Override
    public Integer call() throws Exception {
        // Per-call log lines would measure the console, not the servers: keep only errors.
        for (String name : new String[] {"com.callportrait.route", "org.asteriskjava", "com.callportrait.events"}) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name))
                    .setLevel(ch.qos.logback.classic.Level.ERROR);
        }
        Path dir = Files.createTempDirectory("cp-bench-redis");
        try {
            AgiBenchmark.run(new AgiBenchmark.Config(customers, concurrency, Duration.ofSeconds(warmup),
                    Duration.ofSeconds(duration), rate, Duration.ofSeconds(rateDuration), mode, ajThreads, dir),
                    settings(), out());
            return 0;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
