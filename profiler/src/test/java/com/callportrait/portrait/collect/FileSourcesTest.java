package com.callportrait.portrait.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.portrait.gen.DatasetWriter;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourcesTest {
    private static final ZoneId PBX = ZoneId.of("America/New_York");

    static final class Collect implements RecordSink {
        final Map<String, Integer> counts = new HashMap<>();
        final List<InteractionRecord> interactions = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();

        @Override public void customer(CustomerRecord r) { counts.merge("customer", 1, Integer::sum); }
        @Override public void bill(BillRecord r) { counts.merge("bill", 1, Integer::sum); }
        @Override public void complaint(ComplaintRecord r) { counts.merge("complaint", 1, Integer::sum); }
        @Override public void ticket(TicketRecord r) { counts.merge("ticket", 1, Integer::sum); }
        @Override public void enrichment(EnrichmentRecord r) { counts.merge("enrichment", 1, Integer::sum); }
        @Override public void interaction(InteractionRecord r) { interactions.add(r); }
        @Override public void rejected(String source, long line, String reason) { rejected.add(source + ":" + line + " " + reason); }
    }

    @Test
    void generatedFilesReadBackThroughEverySource(@TempDir Path dir) {
        Collect expected = new Collect();
        try (DatasetWriter w = new DatasetWriter(dir, PBX)) {
            new SyntheticGenerator(GeneratorOptions.of(5, 40, 400)).generate(new RecordSink() {
                @Override public void customer(CustomerRecord r) { expected.customer(r); w.customer(r); }
                @Override public void bill(BillRecord r) { expected.bill(r); w.bill(r); }
                @Override public void complaint(ComplaintRecord r) { expected.complaint(r); w.complaint(r); }
                @Override public void ticket(TicketRecord r) { expected.ticket(r); w.ticket(r); }
                @Override public void enrichment(EnrichmentRecord r) { expected.enrichment(r); w.enrichment(r); }
                @Override public void interaction(InteractionRecord r) { expected.interaction(r); w.interaction(r); }
            });
        }
        Collect got = new Collect();
        for (String f : List.of("customers.csv", "bills.csv", "complaints.csv", "tickets.csv", "enrichment.jsonl",
                "interactions.jsonl")) {
            new CrmFileSource(dir.resolve(f), PBX).readInto(got);
        }
        assertThat(got.rejected).isEmpty();
        assertThat(got.counts).isEqualTo(expected.counts);
        assertThat(got.interactions).isEqualTo(expected.interactions);

        List<InteractionRecord> voice = expected.interactions.stream().filter(r -> r.channel().equals("voice")).toList();
        Collect cdr = new Collect();
        new CdrCsvSource(dir.resolve("Master.csv"), PBX).readInto(cdr);
        Collect ql = new Collect();
        new QueueLogSource(dir.resolve("queue_log")).readInto(ql);
        assertThat(cdr.interactions).hasSameSizeAs(voice);
        assertThat(ql.interactions).hasSameSizeAs(voice);
        for (int i = 0; i < voice.size(); i++) {
            InteractionRecord v = voice.get(i);
            InteractionRecord c = cdr.interactions.get(i);
            assertThat(c.interactionId()).isEqualTo(v.interactionId());
            assertThat(c.start()).isEqualTo(v.start()); // local PBX time back to the same instant
            assertThat(c.phone()).isEqualTo(v.phone());
            assertThat(c.agent()).isEqualTo(v.agent());
            assertThat(c.queue()).isEqualTo(v.queue());
            if (!"abandoned".equals(v.outcome())) {
                assertThat(c.talkSec()).isEqualTo(v.talkSec());
                assertThat(c.waitSec()).isEqualTo(v.waitSec());
            }
        }
        assertThat(ql.interactions).extracting(InteractionRecord::interactionId)
                .containsExactlyInAnyOrderElementsOf(voice.stream().map(InteractionRecord::interactionId).toList());
    }

    @Test
    void badLinesAreReportedWithTheirNumberAndTheRestIsRead(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("customers.csv");
        Files.writeString(f, "customer_id,name,phone,tier,language,joined_at,lifetime_value\n"
                + "C1,Ann,+1 555 123 4567,gold,en,2020-01-01T00:00:00Z,100\n"
                + ",NoId,1,gold,en,,\n"
                + "C3,Bob,15559998888,silver,en,yesterday,5\n"
                + "C4,Cy,15559998889,standard,es,2021-05-01,abc\n"
                + "C5,Di,15559998890,standard,zh,,\n");
        Collect c = new Collect();
        long n = new CrmFileSource(f, PBX).readInto(c);
        assertThat(n).isEqualTo(2);
        assertThat(c.rejected).hasSize(3);
        assertThat(c.rejected.get(0)).startsWith("crm:customers.csv:3");
        assertThat(c.rejected.get(1)).startsWith("crm:customers.csv:4").contains("yesterday");
        Path q = dir.resolve("queue_log");
        Files.writeString(q, "1700000000|c1|billing|NONE|ENTERQUEUE||15551234567|1\n"
                + "garbage\n"
                + "1700000030|c1|billing|PJSIP/agent-01|CONNECT|30|c1|2\n"
                + "1700000330|c1|billing|PJSIP/agent-01|COMPLETEAGENT|30|300|1\n");
        Collect qc = new Collect();
        assertThat(new QueueLogSource(q).readInto(qc)).isEqualTo(1);
        assertThat(qc.rejected).singleElement().asString().startsWith("queue_log:queue_log:2");
        assertThat(qc.interactions.get(0).talkSec()).isEqualTo(300);
        assertThat(qc.interactions.get(0).agent()).isEqualTo("agent-01");
    }
}
