package com.callportrait.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.callportrait.common.config.Env;
import com.callportrait.live.LiveOptions;
import com.callportrait.profile.ProfileException;
import com.callportrait.profile.redis.RedisConnector;
import com.callportrait.profile.redis.RedisOptions;
import com.callportrait.profile.redis.TestProfiles;
import com.callportrait.simulator.agi.AgiConnection;
import com.callportrait.testkit.TestCertificates;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * Redis as production should run it: the shipped {@code redis-config/redis.conf} with its TLS block
 * switched on (plain port off) and the shipped ACL template, on the real redis-server of
 * embedded-redis (built with TLS). Certificates are made at test time. The application connects
 * as the {@code callportrait} user over {@code rediss://} with the password from
 * {@code CP_REDIS_PASSWORD_FILE} and the private CA from {@code CP_REDIS_TLS_CA}, routes a call
 * (profile lookup) and writes {@code cp:events} (XADD); a wrong password or an untrusted server
 * certificate stops start-up with a clear message; the ACL user is refused what the app never needs.
 */
class RedisTlsAclIT {
    static final Path CONFIG_DIR = Path.of("..", "redis-config");
    static final String PASSWORD = UUID.randomUUID().toString();
    static final String ADMIN_PASSWORD = UUID.randomUUID().toString();
    static final String AMI_SECRET = "ami-" + UUID.randomUUID();
    static final String TOKEN_SECRET = "token-" + UUID.randomUUID();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    /** Everything logged during the test, messages, arguments and stack traces. */
    String logText() {
        StringBuilder b = new StringBuilder();
        for (ILoggingEvent e : logs.list) {
            b.append(e.getLevel()).append(' ').append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                b.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
        }
        return b.toString();
    }
    @TempDir
    static Path dir;
    static Process redis;
    static int tlsPort;
    static Path ca;
    static Path otherCa;
    static Path passwordFile;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates authority = TestCertificates.create("CallPortrait test CA");
        ca = authority.writeCa(dir.resolve("ca.crt"));
        authority.writeServer(dir.resolve("redis.crt"), dir.resolve("redis.key"));
        otherCa = TestCertificates.create("Some other CA").writeCa(dir.resolve("other-ca.crt"));
        passwordFile = Files.writeString(dir.resolve("redis.pass"), PASSWORD + "\n");

        Path acl = dir.resolve("users.acl");
        Files.writeString(acl, Files.readString(CONFIG_DIR.resolve("users.acl.example"))
                .replaceFirst("(user callportrait on #)0{64}", "$1" + sha256(PASSWORD))
                .replaceFirst("(user admin on #)0{64}", "$1" + sha256(ADMIN_PASSWORD)));
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            tlsPort = s.getLocalPort();
        }
        String conf = Files.readString(CONFIG_DIR.resolve("redis.conf"))
                .replace("dir /var/lib/redis", "dir " + dir)
                .replace("aclfile /etc/redis/users.acl", "aclfile " + acl)
                .replace("supervised auto", "supervised no")
                .replace("# port 0", "port 0")
                .replace("# tls-port 6380", "tls-port " + tlsPort)
                .replace("# tls-cert-file /etc/redis/tls/redis.crt", "tls-cert-file " + dir.resolve("redis.crt"))
                .replace("# tls-key-file /etc/redis/tls/redis.key", "tls-key-file " + dir.resolve("redis.key"))
                .replace("# tls-ca-cert-file /etc/redis/tls/ca.crt", "tls-ca-cert-file " + ca)
                .replace("# tls-auth-clients no", "tls-auth-clients no");
        assertThat(conf).contains("port 0\n", "tls-port " + tlsPort, "tls-auth-clients no\n");
        Path confFile = Files.writeString(dir.resolve("redis.conf"), conf);
        Path binary = ExecutableProvider.newJarResourceProvider().get().toPath();
        redis = new ProcessBuilder(binary.toString(), confFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!listening(tlsPort)) {
            if (!redis.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server with TLS did not start: "
                        + Files.readString(dir.resolve("redis.log")));
            }
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (redis != null) {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> env(String user, Path password, Path trusted) {
        return Map.of("CP_AGI_PORT", "0", "CP_HTTP_PORT", "0",
                "CP_AUDIOSOCKET_PORT", "0", "CP_BIND_ADDRESS", "127.0.0.1", "CP_DATA_DIR", dir.resolve("data").toString(),
                "CP_REDIS_URI", "rediss://" + user + "@localhost:" + tlsPort,
                "CP_REDIS_PASSWORD_FILE", password.toString(), "CP_REDIS_TLS_CA", trusted.toString(),
                "CP_REDIS_CONNECT_TIMEOUT_MS", "5000", "CP_REDIS_TIMEOUT_MS", "3000");
    }

    private static RedisConnector admin() {
        return RedisConnector.connect(RedisOptions.from(com.callportrait.common.config.Env.of(Map.of(
                "CP_REDIS_URI", "rediss://admin:" + ADMIN_PASSWORD + "@localhost:" + tlsPort,
                "CP_REDIS_TLS_CA", ca.toString()))).orElseThrow());
    }

    @Test
    void theApplicationRoutesAndWritesEventsOverTlsAsTheAclUser() throws Exception {
        AppOptions o = AppOptions.from(Env.of(env("callportrait", passwordFile, ca)));
        assertThat(o.redis().orElseThrow().tls()).isTrue();
        try (RedisBackend backend = RedisBackend.open(o, RedisBackend.Embedded.START);
             Telemetry telemetry = new Telemetry()) {
            backend.store().save(TestProfiles.asteriskJane()).toCompletableFuture().get(10, TimeUnit.SECONDS);
            String vars;
            // AMI configured with its secret in a file, pointing at a port nobody listens on: the
            // reconnect warnings must not carry the secret either.
            Path amiSecret = Files.writeString(dir.resolve("ami.secret"), AMI_SECRET);
            Path tokenSecret = Files.writeString(dir.resolve("token.secret"), TOKEN_SECRET);
            LiveOptions live = LiveOptions.from(Env.of(Map.of("CP_AMI_URI", "ami://callportrait:@127.0.0.1:" + closedPort(),
                    "CP_AMI_SECRET_FILE", amiSecret.toString(), "CP_TOKEN_SECRET_FILE", tokenSecret.toString())));
            try (Application app = Application.start(o, live, SpeechSettings.off(), backend, telemetry)) {
                try (AgiConnection a = AgiConnection.connect(app.agiAddress())) {
                    a.send(AgiConnection.environment("route", "5551234", "1795339360.77"));
                    vars = a.readCommand();
                    a.send("200 result=0\n");
                    assertThat(a.closedByServer()).isTrue();
                }
                assertThat(AgiConnection.msetVariables(vars)).containsEntry("CP_CUSTOMER_ID", "CUST-1001")
                        .containsEntry("CP_DEGRADED", "0");
                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + app.httpAddress().getPort() + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"redis\":{\"status\":\"UP\"");
                HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + app.httpAddress().getPort() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
                for (String secret : List.of(PASSWORD, AMI_SECRET, TOKEN_SECRET)) {
                    assertThat(health.body()).doesNotContain(secret);
                    assertThat(metrics.body()).doesNotContain(secret);
                }
                String uuid = AgiConnection.msetVariables(vars).get("CP_UUID");
                try (RedisConnector admin = admin()) {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    List<StreamMessage<String, String>> route = List.of();
                    while (route.isEmpty() && System.nanoTime() < deadline) {
                        route = admin.sync().xrange("cp:events", Range.create("-", "+")).stream()
                                .filter(m -> uuid.equals(m.getBody().get("call"))).toList();
                        Thread.sleep(50);
                    }
                    assertThat(route).singleElement().satisfies(m -> assertThat(m.getBody())
                            .containsEntry("type", "route").containsEntry("customer", "CUST-1001"));
                    // Every command the application sent (lookup script, XADD, consumer group reads,
                    // Lettuce's CLIENT SETINFO on connect, health PING) was allowed to the ACL user.
                    assertThat(admin.sync().aclLog()).as("no command of the application was refused")
                            .noneMatch(e -> "callportrait".equals(String.valueOf(e.get("username")))
                                    && "command".equals(String.valueOf(e.get("reason"))));
                }
            }
            assertThat(logText()).contains("AMI connect to 127.0.0.1").doesNotContain(PASSWORD)
                    .doesNotContain(AMI_SECRET).doesNotContain(TOKEN_SECRET);
            var sync = backend.connector().sync();
            assertThatThrownBy(sync::flushall).hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> sync.configGet("*")).hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> sync.configSet("dir", "/tmp")).hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> sync.keys("*")).hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> sync.set("other:key", "1")).hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> sync.get("secret")).hasMessageContaining("NOPERM");
        }
    }

    @Test
    void aWrongPasswordStopsStartUpWithAClearMessageAndNoSecret() throws Exception {
        String wrong = "not-the-password-" + UUID.randomUUID();
        Path wrongFile = Files.writeString(dir.resolve("wrong.pass"), wrong);
        AppOptions o = AppOptions.from(Env.of(env("callportrait", wrongFile, ca)));
        assertThatThrownBy(() -> RedisBackend.open(o, RedisBackend.Embedded.START))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("rediss://callportrait@localhost:" + tlsPort)
                .hasMessageContaining("WRONGPASS")
                .hasMessageContaining("CP_REDIS_PASSWORD_FILE")
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(wrong).doesNotContain(PASSWORD));
        assertThat(logText()).doesNotContain(wrong);
    }

    @Test
    void aPasswordInsideTheUriIsWarnedAboutAndNeverPrinted() {
        AppOptions o = AppOptions.from(Env.of(Map.of("CP_REDIS_URI", "rediss://callportrait:" + PASSWORD + "@localhost:"
                + tlsPort, "CP_REDIS_TLS_CA", ca.toString(), "CP_AMI_URI", "ami://callportrait:" + AMI_SECRET
                + "@127.0.0.1:5038")));
        assertThat(o.toString()).doesNotContain(PASSWORD).doesNotContain(AMI_SECRET);
        LiveOptions live = LiveOptions.from(Env.of(Map.of("CP_AMI_URI", "ami://callportrait:" + AMI_SECRET + "@127.0.0.1:5038")));
        assertThat(live.toString()).doesNotContain(AMI_SECRET);
        try (RedisBackend backend = RedisBackend.open(o, RedisBackend.Embedded.START)) {
            assertThat(backend.connector().sync().ping()).isEqualTo("PONG");
            assertThat(backend.description()).doesNotContain(PASSWORD);
        }
        assertThat(logText()).contains("WARN CP_REDIS_URI carries a password")
                .contains("WARN CP_AMI_URI carries the AMI secret")
                .doesNotContain(PASSWORD).doesNotContain(AMI_SECRET);
    }

    @Test
    void anUntrustedServerCertificateStopsStartUpWithAClearMessage() {
        AppOptions o = AppOptions.from(Env.of(env("callportrait", passwordFile, otherCa)));
        assertThatThrownBy(() -> RedisBackend.open(o, RedisBackend.Embedded.START))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("rediss://callportrait@localhost:" + tlsPort)
                .hasMessageContaining("TLS")
                .hasMessageContaining("CP_REDIS_TLS_CA")
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(PASSWORD));
    }

    private static int closedPort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String fullText(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            b.append(t).append('\n');
        }
        return b.toString();
    }
}
