package com.callportrait.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.simulator.agi.AgiConnection;
import com.callportrait.testkit.Await;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} as a child process stopped with SIGTERM, as systemd or Kubernetes stop it: a
 * FastAGI session in the middle of the route script when the signal arrives still gets to finish
 * with Asterisk's reply, new connections are refused, the process exits, and its embedded
 * redis-server is stopped with it. (Speech and portrait freshness are off to keep it short;
 * {@code ShutdownIT} covers them in process.)
 */
class ServeSigtermIT {
    static final Pattern BANNER = Pattern.compile(
            "CallPortrait serving: FastAGI 127\\.0\\.0\\.1:(\\d+), HTTP .* Redis redis://127\\.0\\.0\\.1:(\\d+) ");

    @Test
    void sigtermLetsTheLiveSessionFinishThenStopsEverything(@TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        // the product's log format (call ids in each line), not a test log config the class path may also carry
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=logback.xml",
                "-cp", System.getProperty("java.class.path"), "com.callportrait.cli.Main", "serve")
                .redirectError(stderr.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CP_"));
        pb.environment().putAll(java.util.Map.of("CP_BIND_ADDRESS", "127.0.0.1", "CP_AGI_PORT", "0", "CP_HTTP_PORT",
                "0", "CP_AUDIOSOCKET_PORT", "0", "CP_REDIS_EMBEDDED_PORT", "0", "CP_DATA_DIR", dir.toString(),
                "CP_SPEECH", "off", "CP_FRESH", "off", "CP_SHUTDOWN_GRACE_MS", "20000"));
        Process p = pb.start();
        try {
            Matcher m;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                m = null;
                while ((line = out.readLine()) != null) {
                    Matcher candidate = BANNER.matcher(line);
                    if (candidate.find()) {
                        m = candidate;
                        break;
                    }
                }
                assertThat(m).as("serve banner; stderr: %s", Files.readString(stderr)).isNotNull();
                InetSocketAddress agi = new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1)));
                int redisPort = Integer.parseInt(m.group(2));

                try (AgiConnection a = AgiConnection.connect(agi)) {
                    a.send(AgiConnection.environment("route", "5551234", "10.1"));
                    assertThat(a.readCommand()).startsWith("EXEC MSet CP_UUID=");
                    p.destroy(); // SIGTERM
                    Await.until(20, () -> refused(agi));
                    assertThat(p.isAlive()).isTrue(); // waiting for our session
                    a.send("200 result=0\n");
                    assertThat(a.closedByServer()).isTrue();
                }
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                Await.until(10, () -> refused(new InetSocketAddress("127.0.0.1", redisPort)));
            }
            String log = Files.readString(stderr);
            // (the count may include a refused-probe connection accepted just before the port closed)
            assertThat(log).containsPattern("shutting down: no new calls; waiting up to 20000 ms for [12] live AGI sessions")
                    .contains("uniqueid=10.1 - routed").contains("stopped (1 events written, 0 dropped)");
        } finally {
            p.destroyForcibly();
        }
    }

    private static boolean refused(InetSocketAddress at) {
        try (Socket s = new Socket(at.getAddress(), at.getPort())) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
