package com.callportrait.bench.cli;

import com.callportrait.bench.agi.AgiBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code agi}: FastAGI routing, CallPortrait's {@code serve} against asterisk-java, each server in
 * its own JVM and the load in a third. One instance per command-line run, used on the main
 * thread; not thread-safe.
 */
@Command(name = "agi", mixinStandardHelpOptions = true,
        description = "Starts a redis-server with the customers, then CallPortrait's serve and asterisk-java's"
                + " DefaultAgiServer (same route script) each in its own JVM, and loads each from a separate load"
                + " process playing Asterisk 22: closed loop, then fixed rates. Prints one table; the last line is"
                + " the throughput ratio.")
public final class AgiCommand extends BenchCommand {
    @Option(names = "--customers", defaultValue = "100000", description = "profiles in Redis (default ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--concurrency", defaultValue = "64", description = "sessions in flight, closed loop (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--warmup", defaultValue = "20", description = "warm-up seconds per server (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--duration", defaultValue = "10", description = "measured closed-loop seconds per server (default ${DEFAULT-VALUE})")
    int duration;

    @Option(names = "--rates", defaultValue = "500,1000,2000", split = ",",
            description = "fixed rates in sessions/s (default ${DEFAULT-VALUE})")
    List<Integer> rates;

    @Option(names = "--rate-duration", defaultValue = "8", description = "seconds per fixed rate (default ${DEFAULT-VALUE})")
    int rateDuration;

    @Option(names = "--rate-warmup", defaultValue = "10",
            description = "unmeasured seconds at the first fixed rate before the measured rates, so the JIT has"
                    + " compiled the fixed-rate paths too (default ${DEFAULT-VALUE}; 0 = none)")
    int rateWarmup;

    @Option(names = "--jvm-opts", defaultValue = "-Xms512m -Xmx512m",
            description = "options of both server JVMs (default ${DEFAULT-VALUE})")
    String jvmOpts;

    @Option(names = "--aj-threads", defaultValue = "64", description = "asterisk-java thread pool size (default ${DEFAULT-VALUE})")
    int ajThreads;

    @Option(names = "--server-jar", defaultValue = "agi-server/target/callportrait.jar",
            description = "callportrait.jar (default ${DEFAULT-VALUE})")
    Path serverJar;

    @Option(names = "--only", description = "run one server only: cp or aj")
    String only;

    @Option(names = "--keep", description = "keep the scratch directory (logs, Redis data) instead of deleting it")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        Path benchJar = Path.of(AgiCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(serverJar)) {
            throw new IllegalArgumentException("--server-jar " + serverJar + " does not exist: build it first");
        }
        if (only != null && !only.equals("cp") && !only.equals("aj")) {
            throw new IllegalArgumentException("--only must be cp or aj");
        }
        Path dir = Files.createTempDirectory("cp-bench-agi");
        List<String> jvm = new ArrayList<>(Arrays.asList(jvmOpts.trim().split("\\s+")));
        jvm.removeIf(String::isEmpty);
        try {
            AgiBenchmark.run(new AgiBenchmark.Config(customers, concurrency, Duration.ofSeconds(warmup),
                    Duration.ofSeconds(duration), rates, Duration.ofSeconds(rateDuration), Duration.ofSeconds(rateWarmup), jvm, ajThreads,
                    serverJar.toAbsolutePath(), benchJar, dir, only), out());
            return 0;
        } finally {
            if (keep) {
                out().println("scratch directory kept: " + dir);
            } else {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
