package com.callportrait.portrait.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Asterisk {@code queue_log} ({@code epoch|callid|queue|agent|event|data1|data2|...}). A call
 * becomes one interaction when it ends: ENTERQUEUE gives start and caller id (data2), CONNECT the
 * agent and hold time (data1), COMPLETECALLER / COMPLETEAGENT the talk time (data2), ABANDON and
 * EXITWITHTIMEOUT an abandoned call with its wait (data3 / data3). Other events are ignored. Only
 * calls still open at the end of the file stay in memory. Not thread-safe.
 */
public final class QueueLogSource implements Source {
    private final Path file;

    private static final class Open {
        Instant start;
        String queue;
        String phone;
        String agent;
        Integer wait;
    }

    public QueueLogSource(Path file) {
        this.file = file;
    }

    @Override
    public String name() {
        return "queue_log:" + file.getFileName();
    }

    @Override
    public long readInto(RecordSink sink) {
        Map<String, Open> open = new HashMap<>();
        long n = 0;
        long no = 0;
        try (TextLines lines = new TextLines(Files.newInputStream(file))) {
            for (TextLines.Line read = lines.next(); read != null; read = lines.next()) {
                no = read.number();
                if (read.text() == null) {
                    sink.rejected(name(), no, read.error());
                    continue;
                }
                String[] f = read.text().split("\\|", -1);
                if (f.length < 5) {
                    sink.rejected(name(), no, "expected epoch|callid|queue|agent|event");
                    continue;
                }
                try {
                    Instant at = Instant.ofEpochSecond(Long.parseLong(f[0].trim()));
                    String id = f[1];
                    switch (f[4]) {
                        case "ENTERQUEUE" -> {
                            Open o = new Open();
                            o.start = at;
                            o.queue = f[2];
                            o.phone = f.length > 6 ? f[6] : null;
                            open.put(id, o);
                        }
                        case "CONNECT" -> {
                            Open o = open.get(id);
                            if (o != null) {
                                o.agent = agent(f[3]);
                                o.wait = Integer.valueOf(f[5]);
                            }
                        }
                        case "COMPLETECALLER", "COMPLETEAGENT" -> {
                            Open o = open.remove(id);
                            if (o != null) {
                                sink.interaction(record(id, o, Integer.valueOf(f[6]), null));
                                n++;
                            }
                        }
                        case "ABANDON", "EXITWITHTIMEOUT" -> {
                            Open o = open.remove(id);
                            if (o != null) {
                                o.wait = f.length > 7 ? Integer.valueOf(f[7]) : o.wait;
                                sink.interaction(record(id, o, 0, "abandoned"));
                                n++;
                            }
                        }
                        default -> { }
                    }
                } catch (RuntimeException e) {
                    sink.rejected(name(), no, "unreadable " + (f.length > 4 ? f[4] : "line") + ": "
                            + (e instanceof ArrayIndexOutOfBoundsException ? "too few fields (" + f.length + ")"
                            : CrmFileSource.reason(e)));
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CollectException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return n;
    }

    private static InteractionRecord record(String id, Open o, Integer talk, String outcome) {
        return new InteractionRecord(id, null, o.phone, "voice", o.start, o.queue, o.agent, o.wait, talk, outcome,
                null, null, null, null);
    }

    /** {@code PJSIP/agent-07} or {@code Agent/agent-07} gives {@code agent-07}. */
    private static String agent(String member) {
        return member == null || member.isBlank() || member.equals("NONE") ? null
                : member.substring(member.indexOf('/') + 1);
    }
}
