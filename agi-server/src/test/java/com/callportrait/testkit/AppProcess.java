package com.callportrait.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application as a separate process ({@code java -cp <test classpath> com.callportrait.cli.Main
 * serve}), for fault tests that must kill it: waits for the start-up banner, keeps every stderr
 * line (also copied to a log file), reads {@code /metrics}, and stops it with SIGTERM or SIGKILL.
 * Lifecycle: {@link #start}, then {@link #kill9()} or {@link #stop()}; {@link #close()} kills
 * whatever still runs. Thread-safe.
 */
public final class AppProcess implements AutoCloseable {
    private static final Pattern BANNER = Pattern.compile("CallPortrait serving: FastAGI [^:]+:(\\d+), HTTP [^:]+:(\\d+)");

    private final Process process;
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile int agiPort;
    private volatile int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AppProcess(Process process, Path log) throws IOException {
        this.process = process;
        PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
        pump(process.getInputStream(), line -> {
            file.println("OUT " + line);
            Matcher m = BANNER.matcher(line);
            if (m.find()) {
                agiPort = Integer.parseInt(m.group(1));
                httpPort = Integer.parseInt(m.group(2));
                ready.countDown();
            }
        }, "app-stdout");
        pump(process.getErrorStream(), line -> {
            file.println(line);
            stderr.add(line);
        }, "app-stderr");
    }

    /**
     * Starts {@code serve} with {@code env} added to this JVM's environment and waits (up to
     * {@code timeout}) for its banner.
     */
    public static AppProcess start(Map<String, String> env, Path log, Duration timeout) throws Exception {
        return start(List.of("-cp", System.getProperty("java.class.path"), "com.callportrait.cli.Main", "serve"), env,
                log, timeout);
    }

    /**
     * As {@link #start(Map, Path, Duration)}, but {@code java -jar} the packaged application
     * ({@code target/callportrait.jar}, built before the integration tests run) when it exists: the
     * process is then the one operators start.
     */
    public static AppProcess startPackaged(Map<String, String> env, Path log, Duration timeout) throws Exception {
        Path jar = Path.of("target", "callportrait.jar");
        if (!Files.isRegularFile(jar)) {
            return start(env, log, timeout);
        }
        return start(List.of("-jar", jar.toAbsolutePath().toString(), "serve"), env, log, timeout);
    }

    private static AppProcess start(List<String> what, Map<String, String> env, Path log, Duration timeout)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(what);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        AppProcess p = new AppProcess(pb.start(), log);
        if (!p.ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.close();
            throw new AssertionError("the application did not start within " + timeout.toSeconds() + " s; log: " + log
                    + "\n" + String.join("\n", p.stderr.subList(Math.max(0, p.stderr.size() - 30), p.stderr.size())));
        }
        return p;
    }

    private static void pump(java.io.InputStream in, java.util.function.Consumer<String> sink, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    public InetSocketAddress agi() {
        return new InetSocketAddress("127.0.0.1", agiPort);
    }

    /** The HTTP port from the start-up banner. */
    public int httpPort() {
        return httpPort;
    }

    public long pid() {
        return process.pid();
    }

    /** Every stderr line so far (the log). */
    public List<String> log() {
        return List.copyOf(stderr);
    }

    /** The value of an unlabelled meter in {@code /metrics} (Prometheus name), or NaN if absent. */
    public double metric(String name) throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        for (String line : body.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        return Double.NaN;
    }

    /** SIGKILL ({@code kill -9}); waits until the process is gone. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM (graceful shutdown); returns the exit status, or -1 if it did not exit in time. */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
