package com.callportrait.portrait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.callportrait.portrait.collect.BillRecord;
import com.callportrait.portrait.collect.ComplaintRecord;
import com.callportrait.portrait.collect.CustomerRecord;
import com.callportrait.portrait.collect.EnrichmentRecord;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.collect.TalkTime;
import com.callportrait.portrait.collect.TicketRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpillCodecTest {
    private static final Instant T = Instant.parse("2026-10-01T08:15:30.123456789Z");

    @Test
    void everyRecordKindReadsBackEqualWithNullsAndUnicode() throws IOException {
        List<Object> written = List.of(
                new CustomerRecord("C1", "Zoë Ødegaard", "(201) 555-0100", "gold", "es", T, 1234.5),
                new CustomerRecord("C2", null, null, null, null, null, null),
                new CustomerRecord("C3", "Ann", "+15550101", "standard", "en", T, 10.0, T.plusSeconds(86_400)),
                new BillRecord("C1-B0", "C1", T, T.plusSeconds(86_400), null, 88.25),
                new ComplaintRecord("C1-K0", "C1", T, "billing", "complaint about billing", null),
                new TicketRecord("C1-T0", "C1", T, null, null, T.plusSeconds(60)),
                new InteractionRecord("C1-I0", "C1", "+12015550100", "voice", T, "billing", "agent-01", 30, 240,
                        "resolved", 4, "angry", "billing", "caller: 我的账单 is wrong", new TalkTime(240.5, 3.25, 12),
                        "refund issued"),
                new InteractionRecord("x", null, null, null, null, null, null, null, null, null, null, null, null, null),
                new EnrichmentRecord("C1", Map.of("business", "true", "credit_band", "A")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (Object r : written) {
            if (r instanceof CustomerRecord c) {
                SpillCodec.customer(out, c);
            } else if (r instanceof BillRecord b) {
                SpillCodec.bill(out, b);
            } else if (r instanceof ComplaintRecord k) {
                SpillCodec.complaint(out, k);
            } else if (r instanceof TicketRecord t) {
                SpillCodec.ticket(out, t);
            } else if (r instanceof InteractionRecord i) {
                SpillCodec.interaction(out, i, i.customerId());
            } else if (r instanceof EnrichmentRecord e) {
                SpillCodec.enrichment(out, e);
            }
        }
        out.flush();
        List<Object> read = new ArrayList<>();
        long n = new SpillCodec.Reader(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())))
                .readInto(new RecordSink() {
                    @Override public void customer(CustomerRecord r) { read.add(r); }

                    @Override public void bill(BillRecord r) { read.add(r); }

                    @Override public void complaint(ComplaintRecord r) { read.add(r); }

                    @Override public void ticket(TicketRecord r) { read.add(r); }

                    @Override public void interaction(InteractionRecord r) { read.add(r); }

                    @Override public void enrichment(EnrichmentRecord r) { read.add(r); }
                });
        assertEquals(written.size(), n);
        assertEquals(written, read);
    }

    @Test
    void aContactAttributedByPhoneCarriesItsCustomer() throws IOException {
        InteractionRecord byPhone = new InteractionRecord("I9", null, "+12015550100", "voice", T, null, null, null,
                null, null, null, null, null, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        SpillCodec.interaction(out, byPhone, "C7");
        out.flush();
        List<InteractionRecord> read = new ArrayList<>();
        new SpillCodec.Reader(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())))
                .readInto(new RecordSink() {
                    @Override public void interaction(InteractionRecord r) { read.add(r); }
                });
        assertEquals(List.of(new InteractionRecord("I9", "C7", "+12015550100", "voice", T, null, null, null, null, null,
                null, null, null, null)), read);
    }
}
