package com.callportrait.bench.agi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in its own JVM: started with a command line and environment, considered up
 * when its FastAGI port accepts a connection, stopped with SIGTERM (then SIGKILL after 20 s).
 * Its stdout and stderr go to files next to each other. Not thread-safe; one owner.
 */
final class ServerProcess implements AutoCloseable {
    private static final java.time.Duration QUIET_WAIT = java.time.Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} with {@code env} added to this process's environment, and waits for {@code agi}. */
    static ServerProcess start(String name, List<String> command, Map<String, String> env, Path log,
                               InetSocketAddress agi) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        ServerProcess p = new ServerProcess(name, pb.start(), log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!p.process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + p.process.exitValue() + "; log: "
                        + tail(log));
            }
            try (Socket s = new Socket()) {
                s.connect(agi, 200);
                p.awaitQuiet();
                return p;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        p.close();
        throw new IllegalStateException(name + " did not open " + agi + " within 90 s; log: " + tail(log));
    }

    /**
     * Waits until the server has finished its start-up work (JIT, background model fitting) and
     * uses less than 5 % of a core over one second, at most {@link #QUIET_WAIT}: load must meet a
     * server in its steady state, or its start-up would be charged to the sessions.
     */
    private void awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + QUIET_WAIT.toNanos();
        String pid = pid();
        while (System.nanoTime() < deadline) {
            long cpu0 = com.callportrait.bench.agi.load.ProcStat.cpuNanos(pid);
            Thread.sleep(1000);
            if (com.callportrait.bench.agi.load.ProcStat.cpuNanos(pid) - cpu0 < 50_000_000L) {
                return;
            }
        }
    }

    String pid() {
        return Long.toString(process.pid());
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    private static String tail(Path log) throws IOException {
        String s = Files.readString(log);
        return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
