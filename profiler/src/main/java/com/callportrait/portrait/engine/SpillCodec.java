package com.callportrait.portrait.engine;

import com.callportrait.portrait.collect.BillRecord;
import com.callportrait.portrait.collect.ComplaintRecord;
import com.callportrait.portrait.collect.CustomerRecord;
import com.callportrait.portrait.collect.EnrichmentRecord;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.collect.TalkTime;
import com.callportrait.portrait.collect.TicketRecord;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The binary form a streaming build spills raw records in, one partition file per customer range:
 * a kind byte, then the record's fields in declaration order (strings as UTF-8 with a length,
 * {@code -1} for null; instants as seconds and nanos). Every field the cleaning stage and the
 * history read is kept, so a record read back is equal to the one written. Stateless encoding;
 * a {@link Reader} keeps a reusable buffer and is not thread-safe.
 */
final class SpillCodec {
    private static final byte CUSTOMER = 1;
    private static final byte BILL = 2;
    private static final byte COMPLAINT = 3;
    private static final byte TICKET = 4;
    private static final byte INTERACTION = 5;
    private static final byte ENRICHMENT = 6;
    private static final long NO_INSTANT = Long.MIN_VALUE;

    private SpillCodec() {
    }

    static void customer(DataOutputStream out, CustomerRecord r) throws IOException {
        out.writeByte(CUSTOMER);
        str(out, r.customerId());
        str(out, r.name());
        str(out, r.phone());
        str(out, r.tier());
        str(out, r.language());
        instant(out, r.joinedAt());
        out.writeBoolean(r.lifetimeValue() != null);
        if (r.lifetimeValue() != null) {
            out.writeDouble(r.lifetimeValue());
        }
        instant(out, r.closedAt());
    }

    static void bill(DataOutputStream out, BillRecord r) throws IOException {
        out.writeByte(BILL);
        str(out, r.billId());
        str(out, r.customerId());
        instant(out, r.issuedAt());
        instant(out, r.dueAt());
        instant(out, r.paidAt());
        out.writeDouble(r.amount());
    }

    static void complaint(DataOutputStream out, ComplaintRecord r) throws IOException {
        out.writeByte(COMPLAINT);
        str(out, r.complaintId());
        str(out, r.customerId());
        instant(out, r.openedAt());
        str(out, r.topic());
        str(out, r.summary());
        instant(out, r.resolvedAt());
    }

    static void ticket(DataOutputStream out, TicketRecord r) throws IOException {
        out.writeByte(TICKET);
        str(out, r.ticketId());
        str(out, r.customerId());
        instant(out, r.openedAt());
        str(out, r.topic());
        str(out, r.summary());
        instant(out, r.closedAt());
    }

    /** @param customerId the customer the record was attributed to (its own id, or resolved from the phone) */
    static void interaction(DataOutputStream out, InteractionRecord r, String customerId) throws IOException {
        out.writeByte(INTERACTION);
        str(out, r.interactionId());
        str(out, customerId);
        str(out, r.phone());
        str(out, r.channel());
        instant(out, r.start());
        str(out, r.queue());
        str(out, r.agent());
        integer(out, r.waitSec());
        integer(out, r.talkSec());
        str(out, r.outcome());
        integer(out, r.survey());
        str(out, r.emotion());
        str(out, r.topic());
        str(out, r.transcript());
        TalkTime t = r.talkTime();
        out.writeBoolean(t != null);
        if (t != null) {
            out.writeDouble(t.connectedSec());
            out.writeDouble(t.talkOverSec());
            out.writeDouble(t.silenceSec());
        }
        str(out, r.note());
    }

    static void enrichment(DataOutputStream out, EnrichmentRecord r) throws IOException {
        out.writeByte(ENRICHMENT);
        str(out, r.customerId());
        out.writeInt(r.attributes().size());
        for (Map.Entry<String, String> e : r.attributes().entrySet()) {
            str(out, e.getKey());
            str(out, e.getValue());
        }
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void instant(DataOutputStream out, Instant t) throws IOException {
        if (t == null) {
            out.writeLong(NO_INSTANT);
            return;
        }
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static void integer(DataOutputStream out, Integer v) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeInt(v);
        }
    }

    /** Reads one partition file back into a sink, in the order it was written. Not thread-safe. */
    static final class Reader {
        private final DataInputStream in;
        private byte[] buf = new byte[256];

        Reader(DataInputStream in) {
            this.in = in;
        }

        /** Pushes every record into the sink; returns how many. */
        long readInto(RecordSink sink) throws IOException {
            long n = 0;
            while (true) {
                int kind;
                try {
                    kind = in.readByte();
                } catch (EOFException end) {
                    return n;
                }
                n++;
                switch (kind) {
                    case CUSTOMER -> sink.customer(new CustomerRecord(str(), str(), str(), str(), str(), instant(),
                            in.readBoolean() ? in.readDouble() : null, instant()));
                    case BILL -> sink.bill(new BillRecord(str(), str(), instant(), instant(), instant(), in.readDouble()));
                    case COMPLAINT -> sink.complaint(new ComplaintRecord(str(), str(), instant(), str(), str(), instant()));
                    case TICKET -> sink.ticket(new TicketRecord(str(), str(), instant(), str(), str(), instant()));
                    case INTERACTION -> sink.interaction(new InteractionRecord(str(), str(), str(), str(), instant(),
                            str(), str(), integer(), integer(), str(), integer(), str(), str(), str(),
                            in.readBoolean() ? new TalkTime(in.readDouble(), in.readDouble(), in.readDouble()) : null,
                            str()));
                    case ENRICHMENT -> {
                        String id = str();
                        int size = in.readInt();
                        Map<String, String> attributes = new LinkedHashMap<>(size * 2);
                        for (int i = 0; i < size; i++) {
                            attributes.put(str(), str());
                        }
                        sink.enrichment(new EnrichmentRecord(id, attributes));
                    }
                    default -> throw new IOException("corrupt spill file: record kind " + kind);
                }
            }
        }

        private String str() throws IOException {
            int len = in.readInt();
            if (len < 0) {
                return null;
            }
            if (len > buf.length) {
                buf = new byte[Math.max(len, buf.length * 2)];
            }
            in.readFully(buf, 0, len);
            return new String(buf, 0, len, StandardCharsets.UTF_8);
        }

        private Instant instant() throws IOException {
            long s = in.readLong();
            return s == NO_INSTANT ? null : Instant.ofEpochSecond(s, in.readInt());
        }

        private Integer integer() throws IOException {
            return in.readBoolean() ? in.readInt() : null;
        }
    }
}
