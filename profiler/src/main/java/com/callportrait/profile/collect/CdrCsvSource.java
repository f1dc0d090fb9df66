package com.callportrait.profile.collect;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Asterisk {@code cdr_csv} records ({@code Master.csv}, no header), columns: accountcode, src, dst,
 * dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end, duration, billsec,
 * disposition, amaflags, uniqueid, userfield (the last two with {@code loguniqueid} and
 * {@code loguserfield} on, as the shipped {@code cdr.conf} sets them). Times are the PBX's local
 * time. One voice interaction per row: id = uniqueid, phone = src, talk = billsec, wait =
 * answer - start, agent from the dstchannel ({@code PJSIP/agent-07-0000001a} gives {@code agent-07}),
 * queue = lastdata when lastapp is Queue, outcome {@code abandoned} unless ANSWERED. Streams; not
 * thread-safe.
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
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.parse(in)) {
                long line = r.getRecordNumber();
                if (r.size() < 17) {
                    sink.rejected(name(), line, "expected at least 17 columns (with uniqueid), got " + r.size());
                    continue;
                }
                try {
                    Instant start = Times.parse(r.get(9), zone);
                    Instant answer = Times.parse(r.get(10), zone);
                    boolean answered = "ANSWERED".equalsIgnoreCase(r.get(14));
                    String queue = "Queue".equalsIgnoreCase(r.get(7)) ? r.get(8).split(",")[0] : null;
                    sink.interaction(new InteractionRecord(r.get(16), null, r.get(1), "voice", start, queue,
                            agentOf(r.get(6)), answer == null ? null : (int) (answer.getEpochSecond() - start.getEpochSecond()),
                            Integer.valueOf(r.get(13)), answered ? null : "abandoned", null, null, null, null));
                    n++;
                } catch (RuntimeException e) {
                    sink.rejected(name(), line, e.getMessage());
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
