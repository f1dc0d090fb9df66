package com.callportrait.portrait.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Asterisk {@code cdr_csv} records ({@code Master.csv}, no header), columns: accountcode, src, dst,
 * dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end, duration, billsec,
 * disposition, amaflags, uniqueid, userfield (the last two with {@code loguniqueid} and
 * {@code loguserfield} on, as the shipped {@code cdr.conf} sets them). Times are the PBX's local
 * time. One voice interaction per row: id = uniqueid, phone = src, talk = billsec, wait =
 * answer - start, agent from the dstchannel ({@code PJSIP/agent-07-0000001a} gives {@code agent-07}),
 * queue = lastdata when lastapp is Queue, outcome {@code abandoned} unless ANSWERED. A bad row (not
 * UTF-8, broken quoting, too few columns, a bad time or number) is reported with its line number and
 * reason and the rest is read. Streams; not thread-safe.
 */
public final class CdrCsvSource implements Source {
    private final Path file;
    private final ZoneId zone;

    public CdrCsvSource(Path file, ZoneId zone) {
        this.file = file;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "cdr:" + file.getFileName();
    }

    @Override
    public long readInto(RecordSink sink) {
        long n = 0;
        try (CsvLines csv = new CsvLines(new TextLines(Files.newInputStream(file)))) {
            for (CsvLines.Row r = csv.next(); r != null; r = csv.next()) {
                long line = r.line();
                if (r.fields() == null) {
                    sink.rejected(name(), line, r.error());
                    continue;
                }
                List<String> f = r.fields();
                if (f.size() < 17) {
                    sink.rejected(name(), line, "expected at least 17 columns (with uniqueid), got " + f.size());
                    continue;
                }
                try {
                    Instant start = Times.parse(f.get(9), zone);
                    Instant answer = Times.parse(f.get(10), zone);
                    boolean answered = "ANSWERED".equalsIgnoreCase(f.get(14));
                    String queue = "Queue".equalsIgnoreCase(f.get(7)) ? f.get(8).split(",")[0] : null;
                    sink.interaction(new InteractionRecord(f.get(16), null, f.get(1), "voice", start, queue,
                            agentOf(f.get(6)), answer == null ? null : (int) (answer.getEpochSecond() - start.getEpochSecond()),
                            Integer.valueOf(f.get(13)), answered ? null : "abandoned", null, null, null, null));
                    n++;
                } catch (RuntimeException e) {
                    sink.rejected(name(), line, CrmFileSource.reason(e));
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CollectException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return n;
    }

    /** {@code PJSIP/agent-07-0000001a} gives {@code agent-07}; empty gives {@code null}. */
    static String agentOf(String dstChannel) {
        if (dstChannel == null || dstChannel.isBlank()) {
            return null;
        }
        String s = dstChannel.substring(dstChannel.indexOf('/') + 1);
        int dash = s.lastIndexOf('-');
        return dash > 0 ? s.substring(0, dash) : s;
    }
}
