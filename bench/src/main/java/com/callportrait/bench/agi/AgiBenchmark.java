package com.callportrait.bench.agi;

import com.callportrait.bench.agi.load.AgiLoadMain;
import com.callportrait.bench.agi.load.MixEntry;
import com.callportrait.bench.agi.load.PhaseResult;
import com.callportrait.bench.agi.load.ProcStat;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.redis.EmbeddedRedis;
import com.callportrait.profile.redis.RedisConnector;
import com.callportrait.profile.redis.RedisProfileStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code agi}: CallPortrait's {@code serve} and asterisk-java's {@code DefaultAgiServer} (the same
 * route script, {@code bench agi-baseline-server}) measured from outside. One redis-server holds
 * the customers; each server in turn is started in its own JVM with the same options and the same
 * environment, and loaded by {@link AgiLoadMain} in a third JVM: closed loop, then fixed rates. The
 * load process reads both its own and the server's CPU from {@code /proc}. Stateless (static
 * methods only); {@link #run} blocks its caller and stops every process it started.
 */
public final class AgiBenchmark {

    /**
     * @param customers   profiles stored in Redis
     * @param concurrency sessions in flight in the closed loop
     * @param warmup      closed-loop warm-up per server (not measured)
     * @param duration    measured closed-loop time per server
     * @param rates       fixed rates, sessions/s
     * @param rateTime    length of each fixed-rate phase
     * @param rateWarmup  unmeasured time at the first fixed rate before the measured rates (zero: none)
     * @param jvmOptions  options of both server JVMs
     * @param ajThreads   asterisk-java pool size
     * @param serverJar   {@code callportrait.jar}
     * @param benchJar    {@code callportrait-bench.jar} (load process and baseline server)
     * @param workDir     scratch: Redis data, logs, the caller mix
     * @param onlyServer  run only this server ({@code cp} or {@code aj}), or null for both
     */
    public record Config(int customers, int concurrency, Duration warmup, Duration duration, List<Integer> rates,
                         Duration rateTime, Duration rateWarmup, List<String> jvmOptions, int ajThreads, Path serverJar, Path benchJar,
                         Path workDir, String onlyServer) {
    }

    /** One server's results, phase by phase. */
    public record ServerRun(String server, List<PhaseResult> phases) {
        PhaseResult closed() {
            return phases.get(0);
        }

        PhaseResult rate(int r) {
            return phases.stream().filter(p -> p.phase().equals("rate-" + r)).findFirst().orElse(null);
        }
    }

    private static final String CP = "CallPortrait serve";
    private static final String AJ = "asterisk-java DefaultAgiServer";

    private AgiBenchmark() {
    }

    public static List<ServerRun> run(Config c, PrintWriter out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        out.printf("load average before: %s%n", loadAverage());
        List<ServerRun> runs = new ArrayList<>();
        try (EmbeddedRedis redis = EmbeddedRedis.builder().dataDir(c.workDir().resolve("redis")).freePort().build().start()) {
            String redisPid;
            try (RedisConnector conn = RedisConnector.connect(redis.options())) {
                RedisProfileStore store = RedisProfileStore.create(conn, PhoneOptions.DEFAULT);
                long t0 = System.nanoTime();
                long n = BenchCustomers.seed(store, c.customers());
                out.printf("seeded %,d customers into redis-server %s in %.1f s%n", n, redis.uri(),
                        (System.nanoTime() - t0) / 1e9);
                redisPid = serverPid(conn.sync().info("server"));
            }
            Path mix = c.workDir().resolve("callers.tsv");
            List<MixEntry> callers = BenchCustomers.mix(c.customers(), 4096);
            Files.write(mix, callers.stream().map(MixEntry::line).toList());
            out.println("caller mix: " + describe(callers));
            out.flush();
            for (String server : c.onlyServer() == null ? List.of("cp", "aj") : List.of(c.onlyServer())) {
                int agiPort = freePort();
                Map<String, String> env = new LinkedHashMap<>();
                env.put("CP_REDIS_URI", redis.uri());
                env.put("CP_BIND_ADDRESS", "127.0.0.1");
                env.put("CP_AGI_PORT", Integer.toString(agiPort));
                env.put("CP_HTTP_PORT", Integer.toString(freePort()));
                env.put("CP_AUDIOSOCKET_PORT", Integer.toString(freePort()));
                env.put("CP_AGI_ALLOW", "127.0.0.1/32");
                env.put("CP_SPEECH", "off");
                env.put("CP_DATA_DIR", c.workDir().resolve("data-" + server).toString());
                List<String> cmd = new ArrayList<>(List.of(java));
                cmd.addAll(c.jvmOptions());
                if (server.equals("cp")) {
                    cmd.addAll(List.of("-jar", c.serverJar().toString(), "serve"));
                } else {
                    cmd.addAll(List.of("-jar", c.benchJar().toString(), "agi-baseline-server", "--threads",
                            Integer.toString(c.ajThreads())));
                }
                String name = server.equals("cp") ? CP : AJ;
                out.printf("%s: starting (%s)%n", name, String.join(" ", cmd.subList(1, cmd.size())));
                out.flush();
                InetSocketAddress agi = new InetSocketAddress("127.0.0.1", agiPort);
                try (ServerProcess p = ServerProcess.start(name, cmd, env, c.workDir().resolve(server + ".log"), agi)) {
                    Map<String, Long> threads0 = ProcStat.cpuByThread(p.pid());
                    runs.add(new ServerRun(name, load(java, c, p, redisPid, agi, mix, out)));
                    printThreads(threads0, ProcStat.cpuByThread(p.pid()), out);
                }
            }
        }
        out.printf("load average after: %s%n", loadAverage());
        print(runs, c, out);
        return runs;
    }

    private static List<PhaseResult> load(String java, Config c, ServerProcess server, String redisPid,
                                          InetSocketAddress agi, Path mix, PrintWriter out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java, "-Xms256m", "-Xmx256m",
                "-Xlog:gc:file=" + c.workDir().resolve("load-gc-" + server.pid() + ".log") + ":time,uptime",
                "-cp", c.benchJar().toString(),
                AgiLoadMain.class.getName(), "--target", "127.0.0.1:" + agi.getPort(), "--server-pid", server.pid(),
                "--redis-pid", redisPid, "--mix", mix.toString(),
                "--phase", String.format(Locale.ROOT, "closed:%d:%d:%d", c.concurrency(), c.warmup().toSeconds(),
                        c.duration().toSeconds())));
        // The closed loop leaves some fixed-rate paths (an event loop that sleeps between
        // sessions, timers that fire) cold: without this the JIT still recompiles them during the
        // first measured rate, and its stalls (30-40 ms, on a core the sessions need) are that rate's tail.
        if (!c.rates().isEmpty() && !c.rateWarmup().isZero()) {
            cmd.addAll(List.of("--phase", "warm:" + c.rates().get(0) + ":" + c.rateWarmup().toSeconds()));
        }
        for (int r : c.rates()) {
            cmd.addAll(List.of("--phase", "rate:" + r + ":" + c.rateTime().toSeconds()));
        }
        Process p = new ProcessBuilder(cmd).redirectError(c.workDir().resolve("load-" + server.pid() + ".err").toFile()).start();
        List<PhaseResult> phases = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    PhaseResult pr = PhaseResult.parse(line);
                    phases.add(pr);
                    out.printf(Locale.ROOT, "  %-10s %,8.0f sessions/s  p50 %.2f ms  p99 %.2f ms  errors %d  degraded %d"
                                    + "  server CPU %.0f µs/session%n", pr.phase(), pr.perSecond(), pr.p50Us() / 1000.0,
                            pr.p99Us() / 1000.0, pr.errors(), pr.degraded(), pr.serverUsPerSession());
                    out.flush();
                }
            }
        }
        int status = p.waitFor();
        if (status != 0 || phases.size() != 1 + c.rates().size()) {
            throw new IllegalStateException("load process failed (status " + status + "); see "
                    + c.workDir().resolve("load-" + server.pid() + ".err") + ": " + Files.readString(c.workDir().resolve("load-" + server.pid() + ".err")));
        }
        return phases;
    }

    /** Where the server's CPU went during the load, by thread name (Linux thread names are cut at 15 characters). */
    private static void printThreads(Map<String, Long> before, Map<String, Long> after, PrintWriter out) {
        long total = 0;
        List<Map.Entry<String, Long>> delta = new ArrayList<>();
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            total += d;
            if (d > 0) {
                delta.add(Map.entry(e.getKey(), d));
            }
        }
        delta.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        StringBuilder b = new StringBuilder("  server CPU by thread during the load:");
        for (Map.Entry<String, Long> e : delta.subList(0, Math.min(8, delta.size()))) {
            b.append(String.format(Locale.ROOT, " %s %.0f %%,", e.getKey(), 100.0 * e.getValue() / Math.max(1, total)));
        }
        out.println(b.substring(0, b.length() - 1));
    }

    private static void print(List<ServerRun> runs, Config c, PrintWriter out) {
        out.println();
        out.println("| server | load | sessions/s | p50 ms | p99 ms | p99.9 ms | max ms | errors | degraded"
                + " | AGI round trips | server CPU µs/session | load CPU µs/session | redis CPU µs/session |");
        out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (ServerRun run : runs) {
            for (PhaseResult p : run.phases()) {
                String load = p.phase().startsWith("closed-") ? "closed loop, " + p.phase().substring(7) + " in flight"
                        : "fixed " + p.phase().substring(5) + "/s";
                out.printf(Locale.ROOT, "| %s | %s | %,.0f | %.2f | %.2f | %.2f | %.2f | %d | %d | %.2f | %.0f | %.0f | %.0f |%n",
                        run.server(), load, p.perSecond(), p.p50Us() / 1000.0, p.p99Us() / 1000.0, p.p999Us() / 1000.0,
                        p.maxUs() / 1000.0, p.errors(), p.degraded(), p.commandsPerSession(), p.serverUsPerSession(),
                        p.clientUsPerSession(), p.redisUsPerSession());
            }
        }
        out.println();
        if (runs.size() == 2) {
            ServerRun cp = runs.get(0);
            ServerRun aj = runs.get(1);
            long errors = runs.stream().flatMap(r -> r.phases().stream()).mapToLong(p -> p.errors() + p.degraded()).sum();
            PhaseResult cp1k = cp.rate(1000);
            PhaseResult aj1k = aj.rate(1000);
            if (cp1k != null && aj1k != null) {
                out.printf(Locale.ROOT, "p99 at 1,000/s: %.2f ms vs %.2f ms%n", cp1k.p99Us() / 1000.0, aj1k.p99Us() / 1000.0);
            }
            out.printf(Locale.ROOT, "server CPU per session (closed loop): %.0f µs vs %.0f µs%n",
                    cp.closed().serverUsPerSession(), aj.closed().serverUsPerSession());
            out.printf("errors + degraded routes, all phases: %d%n", errors);
            out.printf(Locale.ROOT, "throughput ratio %s / %s (closed loop, %d in flight): %.2fx%n", CP, AJ,
                    c.concurrency(), cp.closed().perSecond() / Math.max(1e-9, aj.closed().perSecond()));
        }
        out.flush();
    }

    private static String describe(List<MixEntry> callers) {
        Map<String, Integer> n = new LinkedHashMap<>();
        callers.forEach(m -> n.merge(m.kind().name().toLowerCase(Locale.ROOT), 1, Integer::sum));
        StringBuilder b = new StringBuilder();
        n.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.0f %%", k,
                100.0 * v / callers.size())));
        return b + " of " + callers.size() + " callers (fixed seed), 1 in 100 hanging up during the script";
    }

    private static String serverPid(String info) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("process_id:")) {
                return line.substring("process_id:".length()).strip();
            }
        }
        throw new IllegalStateException("INFO server has no process_id");
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
