package com.callportrait.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.callportrait.common.config.Env;
import com.callportrait.live.calls.RoutedCall;
import com.callportrait.live.LiveOptions;
import com.callportrait.live.TokenService;
import com.callportrait.simulator.audio.AudioCaller;
import com.callportrait.testkit.Await;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.io.BufferedInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * No unredacted personal data leaves a call, end to end through the running application: a caller
 * (espeak-ng audio, {@code pii/pii-call-8k.wav}) says a phone number and a card number over a real
 * AudioSocket connection into the real Vosk/redaction path, the agent types an e-mail address, the
 * card and the phone into the disposition note over the real agent WebSocket, and the call ends
 * (interaction record stored). Then every place the data could end up is scanned: captured log
 * output, the {@code cp:events} stream, the WebSocket messages of the agent and supervisor pages,
 * and every key in Redis (interaction records, profiles). The placeholders must be there (the data
 * was heard and replaced), the raw digits and address nowhere.
 */
class PiiEndToEndIT {
    static final String CALL = UUID.randomUUID().toString();
    static final String CARD = "4556789045678909";
    static final String PHONE = "2125550199";
    static final String EMAIL = "john.smith@gmail.com";
    /** Every form the secrets could surface in: written digits, grouped, and four-digit spoken runs. */
    static final List<String> FORBIDDEN = List.of(CARD, "4556 7890 4567 8909", "4556-7890", PHONE, "212-555-0199",
            "555 0199", EMAIL, "john.smith", "five five six seven", "seven eight nine zero", "four five six seven",
            "eight nine zero nine", "two one two five", "five five oh one", "five oh one nine", "oh one nine nine");

    @Test
    void cardPhoneAndEmailNeverAppearUnredacted(@TempDir Path dir) throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        AppOptions o = AppOptions.from(Env.of(Map.of("CP_BIND_ADDRESS", "127.0.0.1"))).withRedis(Optional.empty(), 0)
                .withPorts(0, 0, 0).withDataDir(dir);
        SpeechSettings defaults = SpeechSettings.from(Env.of(Map.of()));
        SpeechSettings speech = new SpeechSettings(true, defaults.asr().withQueueFrames(3000),
                defaults.socket());
        List<String> pages = new CopyOnWriteArrayList<>();
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
             Telemetry telemetry = new Telemetry();
             Application app = Application.start(o, LiveOptions.from(Env.of(Map.of())), speech, redis, telemetry)) {
            app.calls().routed(new RoutedCall(CALL, "PJSIP/1001-00000007", "1795339360.42", "5551234",
                    "Jane Doe", "support", 5, "gold", false, "test", Optional.empty()));
            TokenService tokens = app.tokens();
            int http = app.httpAddress().getPort();
            WebSocket agent = open(http, "/ws/agent/agent1?token="
                    + tokens.issue(TokenService.Role.AGENT, "agent1", Duration.ofHours(1)), pages);
            WebSocket supervisor = open(http, "/ws/supervisor?token="
                    + tokens.issue(TokenService.Role.SUPERVISOR, "supervisor", Duration.ofHours(1)), pages);

            try (AudioCaller.Session s = AudioCaller.connect(new InetSocketAddress("127.0.0.1",
                    app.speech().orElseThrow().audioSocketAddress().getPort()), CALL)) {
                s.stream(recording(), 2.0); // twice real time
            } // Asterisk hangs up by closing the socket: the last utterance is finalised

            var sync = redis.connector().sync();
            // Both utterances finalised (closing the socket finalises the last). Which words Vosk
            // hears can shift under CPU load (endpointing depends on how much audio each decode
            // step gets), so at least one of the two numbers must come back as a placeholder; the
            // scan below holds whatever was heard.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (transcriptCount(sync) < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(transcripts(sync)).as("what the recogniser heard, redacted").containsAnyOf("[CARD]", "[PHONE]");
            // What the supervisor table showed while the call was live (its last words) is scanned too.
            Await.until(10, () -> pages.stream().anyMatch(m -> m.contains("[CARD]") || m.contains("[PHONE]")));
            agent.sendText("{\"type\":\"disposition\",\"call\":\"" + CALL + "\",\"outcome\":\"follow_up\",\"note\":"
                    + "\"send receipt to " + EMAIL + ", card " + CARD + ", call back " + PHONE + "\"}", true)
                    .get(5, TimeUnit.SECONDS);
            Await.until(10, () -> pages.stream().anyMatch(m -> m.contains("disposition-saved")));
            app.calls().ended(CALL, "Hangup");
            Await.until(30, () -> dumpRedis(sync).contains("cp:interactions:"));
            Await.until(10, () -> events(sync).stream().anyMatch(b -> "feedback".equals(b.get("type"))));

            List<Map<String, String>> events = events(sync);
            Map<String, String> note = events.stream().filter(b -> "feedback".equals(b.get("type")))
                    .findFirst().orElseThrow();
            assertThat(note.get("note")).contains("[EMAIL]", "[CARD]", "[PHONE]");
            String redisDump = dumpRedis(sync);
            assertThat(redisDump).contains("cp:interactions:").contains("[EMAIL]");
            String logText = logText(logs);
            assertThat(logText).contains(CALL); // the call's lines were captured
            assertNoSecret("the log output", logText);
            assertNoSecret("cp:events", events.toString());
            assertNoSecret("the page WebSocket messages", String.join("\n", pages));
            assertNoSecret("Redis", redisDump);
            agent.abort();
            supervisor.abort();
        } finally {
            root.detachAppender(logs);
        }
    }

    private static void assertNoSecret(String where, String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (String f : FORBIDDEN) {
            assertThat(lower).as("%s must not contain '%s'", where, f).doesNotContain(f);
        }
    }

    private static WebSocket open(int port, String path, List<String> into) throws Exception {
        return HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + path),
                new WebSocket.Listener() {
                    private final StringBuilder part = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        part.append(data);
                        if (last) {
                            into.add(part.toString());
                            part.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    /** The caller's words: 8 kHz signed 16-bit little-endian mono, as Asterisk sends them. */
    private static byte[] recording() throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(
                PiiEndToEndIT.class.getResourceAsStream("/pii/pii-call-8k.wav")))) {
            assertThat(in.getFormat().getSampleRate()).isEqualTo(8000f);
            assertThat(in.getFormat().isBigEndian()).isFalse();
            return in.readAllBytes();
        }
    }

    private static List<Map<String, String>> events(RedisClusterCommands<String, String> sync) {
        return sync.xrange("cp:events", Range.create("-", "+")).stream().map(StreamMessage::getBody).toList();
    }

    private static long transcriptCount(RedisClusterCommands<String, String> sync) {
        return events(sync).stream().filter(b -> "transcript".equals(b.get("type"))).count();
    }

    private static String transcripts(RedisClusterCommands<String, String> sync) {
        return String.join(" | ", events(sync).stream().filter(b -> "transcript".equals(b.get("type")))
                .map(b -> b.get("text")).toList());
    }

    /** Every key and its value, whatever its type. */
    private static String dumpRedis(RedisClusterCommands<String, String> sync) {
        StringBuilder b = new StringBuilder();
        ScanCursor cursor = ScanCursor.INITIAL;
        List<String> keys = new ArrayList<>();
        do {
            KeyScanCursor<String> page = sync.scan(cursor, ScanArgs.Builder.limit(500));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        for (String k : keys) {
            b.append(k).append(" = ");
            switch (sync.type(k)) {
                case "string" -> b.append(sync.get(k));
                case "list" -> b.append(sync.lrange(k, 0, -1));
                case "set" -> b.append(sync.smembers(k));
                case "hash" -> b.append(sync.hgetall(k));
                case "zset" -> b.append(sync.zrange(k, 0, -1));
                case "stream" -> b.append(sync.xrange(k, Range.create("-", "+")).stream()
                        .map(StreamMessage::getBody).toList());
                default -> b.append("?");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String logText(ListAppender<ILoggingEvent> logs) {
        StringBuilder b = new StringBuilder();
        for (ILoggingEvent e : logs.list) {
            b.append(e.getFormattedMessage()).append(' ').append(e.getMDCPropertyMap()).append('\n');
            if (e.getThrowableProxy() != null) {
                b.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
        }
        return b.toString();
    }
}
