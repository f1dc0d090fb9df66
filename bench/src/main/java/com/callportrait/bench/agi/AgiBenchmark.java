package com.callportrait.bench.agi;

import com.callportrait.profile.imports.CustomerCsvImporter;
import com.callportrait.profile.imports.ImportReport;
import com.callportrait.route.RulesLoader;
import com.callportrait.route.SetMode;
import com.callportrait.records.spool.SpoolOptions;
import com.callportrait.server.AppOptions;
import com.callportrait.server.Application;
import com.callportrait.server.RedisBackend;
import com.callportrait.server.Settings;
import com.callportrait.server.Telemetry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.asteriskjava.fastagi.DefaultAgiServer;

/**
 * {@code agi}: an embedded Redis seeded with synthetic customers, CallPortrait's FastAGI
 * server and asterisk-java's {@code DefaultAgiServer} (same lookup, rules, variables and events)
 * on loopback, and the same Asterisk-like load against each in turn. Stateless (static methods
 * only); {@link #run} blocks its caller and closes everything it started.
 */
public final class AgiBenchmark {

    /**
     * @param customers   customers seeded into Redis
     * @param concurrency sessions in flight in the closed-loop phase
     * @param warmup      closed-loop warm-up per server (not measured)
     * @param duration    measured closed-loop time per server
     * @param rate        sessions/s of the fixed-rate phase (0 = skip)
     * @param rateTime    length of the fixed-rate phase per server
     * @param mode        how variables are set (same for both servers)
     * @param ajThreads   asterisk-java pool size
     * @param dataDir     where the embedded Redis keeps its (throw-away) data
     */
    public record Config(int customers, int concurrency, Duration warmup, Duration duration, int rate,
                         Duration rateTime, SetMode mode, int ajThreads, Path dataDir) {
    }

    private AgiBenchmark() {
    }

    /** Runs both servers under {@code c}; {@code settings} supply everything the benchmark does not fix (speech, live, phones). */
    public static List<LoadResult> run(Config c, Settings settings, PrintWriter out) throws Exception {
        // loopback, any free ports, a Redis of its own under the scratch dir; everything else as configured
        AppOptions o = settings.app().toBuilder()
                .bindAddress("127.0.0.1")
                .ports(0, 0, 0)
                .redis(Optional.empty())
                .embeddedRedisPort(0)
                .embeddedRedisDataDir(c.dataDir())
                .agiSetMode(c.mode())
                .build();
        List<LoadResult> results = new ArrayList<>();
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START);
             Telemetry telemetry = new Telemetry();
             AgiLoadClient client = new AgiLoadClient()) {
            out.printf("seeding %,d customers into %s ...%n", c.customers(), redis.description());
            out.flush();
            ImportReport seeded = CustomerCsvImporter.create(o.phones(), Clock.systemUTC())
                    .importInto(new StringReader(customersCsv(c.customers())), redis.store());
            out.println("  " + seeded.summary());
            Application stack = Application.start(settings.withApp(o).withSpool(SpoolOptions.under(c.dataDir())),
                    redis, telemetry);
            DefaultAgiServer aj = null;
            try {
                var rules = RulesLoader.source(Optional.empty());
                AsteriskJavaRouteScript ajScript = new AsteriskJavaRouteScript(redis.store(), rules, stack.events(),
                        o.routeBudget(), c.mode(), o.phones());
                aj = new DefaultAgiServer(ajScript);
                int ajPort = freePort();
                aj.setPort(ajPort);
                aj.setAddress(InetAddress.getLoopbackAddress());
                aj.setPoolSize(c.ajThreads());
                aj.setMaximumPoolSize(c.ajThreads());
                DefaultAgiServer ajServer = aj;
                Thread t = new Thread(() -> {
                    try {
                        ajServer.startup();
                    } catch (IOException ex) {
                        throw new IllegalStateException(ex);
                    }
                }, "asterisk-java-agi");
                t.setDaemon(true);
                t.start();
                InetSocketAddress ajAddr = new InetSocketAddress("127.0.0.1", ajPort);
                awaitListening(ajAddr);
                InetSocketAddress cpAddr = new InetSocketAddress("127.0.0.1", stack.agiAddress().getPort());
                LoadPhases load = new LoadPhases(client, environments(c.customers()));

                java.util.function.LongSupplier cpDegraded = () -> (long) telemetry.registry().find("cp.route.degraded")
                        .counters().stream().mapToDouble(x -> x.count()).sum();
                java.util.function.LongSupplier ajDegraded = ajScript::degraded;

                // Warm both servers (JIT, connection pools, the Redis script cache) before measuring
                // either, so the order of the phases does not favour the one measured last.
                out.printf("warm-up: %d s per server%n", c.warmup().toSeconds());
                out.flush();
                load.closedLoop("warm-up", cpAddr, c.concurrency(), Duration.ZERO, c.warmup());
                load.closedLoop("warm-up", ajAddr, c.concurrency(), Duration.ZERO, c.warmup());

                out.printf("closed loop: %d concurrent sessions, %d s per server, set mode %s%n",
                        c.concurrency(), c.duration().toSeconds(), c.mode());
                out.flush();
                results.add(measure(cpDegraded, () -> load.closedLoop("CallPortrait (Netty)", cpAddr, c.concurrency(),
                        Duration.ZERO, c.duration())));
                results.add(measure(ajDegraded, () -> load.closedLoop("asterisk-java DefaultAgiServer", ajAddr,
                        c.concurrency(), Duration.ZERO, c.duration())));
                if (c.rate() > 0) {
                    out.printf("fixed rate: %d sessions/s for %d s per server%n", c.rate(), c.rateTime().toSeconds());
                    out.flush();
                    results.add(measure(cpDegraded, () -> load.fixedRate("CallPortrait (Netty)", cpAddr, c.rate(),
                            c.rateTime())));
                    results.add(measure(ajDegraded, () -> load.fixedRate("asterisk-java DefaultAgiServer", ajAddr,
                            c.rate(), c.rateTime())));
                }
            } finally {
                if (aj != null) {
                    aj.shutdown();
                }
                stack.close();
            }
        }
        print(results, out);
        return results;
    }

    /** A phase that may throw. */
    private interface Phase {
        LoadResult run() throws Exception;
    }

    private static LoadResult measure(java.util.function.LongSupplier degraded, Phase phase) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long before = degraded.getAsLong();
        long cpu0 = os.getProcessCpuTime();
        LoadResult r = phase.run();
        long cpu = os.getProcessCpuTime() - cpu0;
        return r.with(degraded.getAsLong() - before, r.completed() == 0 ? 0 : cpu / 1000.0 / (r.completed() + r.errors()));
    }

    private static void print(List<LoadResult> results, PrintWriter out) {
        out.println();
        out.println(LoadResult.markdownHeader());
        results.forEach(r -> out.println(r.markdownRow()));
        if (results.size() >= 2) {
            LoadResult cp = results.get(0);
            LoadResult aj = results.get(1);
            out.printf(Locale.ROOT, "%nthroughput ratio CallPortrait / asterisk-java (closed loop): %.2fx; p99 %.2f ms vs %.2f ms;"
                    + " JVM CPU per session %.0f µs vs %.0f µs (%.2fx less)%n",
                    cp.perSecond() / Math.max(1e-9, aj.perSecond()), cp.p99Ms(), aj.p99Ms(), cp.cpuUsPerSession(),
                    aj.cpuUsPerSession(), aj.cpuUsPerSession() / Math.max(1e-9, cp.cpuUsPerSession()));
        }
        out.flush();
    }

    /** Synthetic customers: every tier, three languages, some complaints and topics; fixed seed. */
    static String customersCsv(int n) {
        Random r = new Random(42);
        String[] tiers = {"standard", "standard", "standard", "silver", "silver", "gold", "platinum"};
        String[] langs = {"en", "en", "en", "es", "zh"};
        String[] topics = {"", "billing", "technical", "payment", "outage", "moving"};
        StringBuilder b = new StringBuilder("customer_id,phone,name,tier,language,lifetime_value,open_complaints,last_topic\n");
        for (int i = 0; i < n; i++) {
            b.append("B").append(i).append(',').append(phone(i)).append(",Bench Customer ").append(i).append(',')
                    .append(tiers[r.nextInt(tiers.length)]).append(',').append(langs[r.nextInt(langs.length)]).append(',')
                    .append(r.nextInt(30_000)).append(',').append(r.nextInt(10) == 0 ? 1 : 0).append(',')
                    .append(topics[r.nextInt(topics.length)]).append('\n');
        }
        return b.toString();
    }

    private static String phone(int i) {
        return String.format(Locale.ROOT, "+1 555 %07d", i);
    }

    /** Environment blocks as Asterisk 22 sends them: 95% known callers (national form), 5% unknown. */
    public static List<byte[]> environments(int customers) {
        Random r = new Random(7);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            String caller = r.nextInt(20) == 0 ? "unknown" : String.format(Locale.ROOT, "555%07d", r.nextInt(customers));
            out.add(RecordedEnvironment.block("route", caller, "1795339360." + i).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(InetSocketAddress addr) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            try (Socket s = new Socket()) {
                s.connect(addr, 200);
                return;
            } catch (IOException e) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("asterisk-java AGI server did not start on " + addr);
    }
}
