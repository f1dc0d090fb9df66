package com.callportrait.portrait.gen;

import com.callportrait.portrait.collect.BillRecord;
import com.callportrait.portrait.collect.CollectException;
import com.callportrait.portrait.collect.ComplaintRecord;
import com.callportrait.portrait.collect.CustomerRecord;
import com.callportrait.portrait.collect.EnrichmentRecord;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.collect.TicketRecord;
import com.callportrait.portrait.collect.Times;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes generated records as the files the import sources read: CRM exports
 * ({@code customers.csv}, {@code bills.csv}, {@code complaints.csv}, {@code tickets.csv},
 * {@code enrichment.jsonl}), CallPortrait's own interaction records ({@code interactions.jsonl})
 * and, for voice calls, Asterisk's {@code Master.csv} and {@code queue_log}. Not thread-safe; close it.
 */
public final class DatasetWriter implements RecordSink, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ZoneId pbxZone;
    private final CSVPrinter customers;
    private final CSVPrinter bills;
    private final CSVPrinter complaints;
    private final CSVPrinter tickets;
    private final CSVPrinter cdr;
    private final BufferedWriter interactions;
    private final BufferedWriter enrichment;
    private final BufferedWriter queueLog;

    public DatasetWriter(Path dir, ZoneId pbxZone) {
        this.pbxZone = pbxZone;
        try {
            Files.createDirectories(dir);
            customers = csv(dir.resolve("customers.csv"), "customer_id", "name", "phone", "tier", "language",
                    "joined_at", "lifetime_value", "closed_at");
            bills = csv(dir.resolve("bills.csv"), "bill_id", "customer_id", "issued_at", "due_at", "paid_at", "amount");
            complaints = csv(dir.resolve("complaints.csv"), "complaint_id", "customer_id", "opened_at", "topic",
                    "summary", "resolved_at");
            tickets = csv(dir.resolve("tickets.csv"), "ticket_id", "customer_id", "opened_at", "topic", "summary",
                    "closed_at");
            cdr = new CSVPrinter(Files.newBufferedWriter(dir.resolve("Master.csv"), StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setQuoteMode(org.apache.commons.csv.QuoteMode.NON_NUMERIC).get());
            interactions = Files.newBufferedWriter(dir.resolve("interactions.jsonl"), StandardCharsets.UTF_8);
            enrichment = Files.newBufferedWriter(dir.resolve("enrichment.jsonl"), StandardCharsets.UTF_8);
            queueLog = Files.newBufferedWriter(dir.resolve("queue_log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CollectException("cannot create data set in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static CSVPrinter csv(Path f, String... header) throws IOException {
        return new CSVPrinter(Files.newBufferedWriter(f, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(header).get());
    }

    private static String iso(Instant t) {
        return t == null ? "" : t.toString();
    }

    @Override
    public void customer(CustomerRecord r) {
        io(() -> customers.printRecord(r.customerId(), r.name(), r.phone(), r.tier(), r.language(), iso(r.joinedAt()),
                r.lifetimeValue() == null ? "" : r.lifetimeValue(), iso(r.closedAt())));
    }

    @Override
    public void bill(BillRecord r) {
        io(() -> bills.printRecord(r.billId(), r.customerId(), iso(r.issuedAt()), iso(r.dueAt()), iso(r.paidAt()),
                r.amount()));
    }

    @Override
    public void complaint(ComplaintRecord r) {
        io(() -> complaints.printRecord(r.complaintId(), r.customerId(), iso(r.openedAt()), r.topic(), r.summary(),
                iso(r.resolvedAt())));
    }

    @Override
    public void ticket(TicketRecord r) {
        io(() -> tickets.printRecord(r.ticketId(), r.customerId(), iso(r.openedAt()), r.topic(), r.summary(),
                iso(r.closedAt())));
    }

    @Override
    public void enrichment(EnrichmentRecord r) {
        ObjectNode n = JSON.createObjectNode().put("customer_id", r.customerId());
        new java.util.TreeMap<>(r.attributes()).forEach(n::put);
        io(() -> {
            enrichment.write(n.toString());
            enrichment.newLine();
        });
    }

    @Override
    public void interaction(InteractionRecord r) {
        io(() -> {
            interactions.write(com.callportrait.portrait.collect.InteractionJson.encode(r));
            interactions.newLine();
        });
        if ("voice".equals(r.channel()) && r.start() != null) {
            asterisk(r);
        }
    }

    /** The same call as Asterisk would have logged it. */
    private void asterisk(InteractionRecord r) {
        long start = r.start().getEpochSecond();
        int wait = r.waitSec() == null ? 0 : Math.max(0, r.waitSec());
        int talk = r.talkSec() == null ? 0 : Math.max(0, r.talkSec());
        boolean answered = !"abandoned".equals(r.outcome()) && r.agent() != null;
        Instant answer = Instant.ofEpochSecond(start + wait);
        Instant end = Instant.ofEpochSecond(start + wait + talk);
        String dstChannel = answered ? "PJSIP/" + r.agent() + "-" + Long.toHexString(start & 0xffffff) : "";
        io(() -> cdr.printRecord("", r.phone(), "100", "callportrait-inbound", "\"\" <" + r.phone() + ">",
                "PJSIP/trunk-" + Long.toHexString(start & 0xffff), dstChannel, "Queue",
                r.queue() + ",t,,,300", Times.asterisk(r.start(), pbxZone), answered ? Times.asterisk(answer, pbxZone) : "",
                Times.asterisk(end, pbxZone), wait + talk, answered ? talk : 0, answered ? "ANSWERED" : "NO ANSWER",
                "DOCUMENTATION", r.interactionId(), ""));
        String id = r.interactionId();
        io(() -> {
            queueLog.write(start + "|" + id + "|" + r.queue() + "|NONE|ENTERQUEUE||" + r.phone() + "|1\n");
            if (answered) {
                queueLog.write((start + wait) + "|" + id + "|" + r.queue() + "|PJSIP/" + r.agent() + "|CONNECT|" + wait
                        + "|" + id + "|2\n");
                queueLog.write((start + wait + talk) + "|" + id + "|" + r.queue() + "|PJSIP/" + r.agent()
                        + "|COMPLETECALLER|" + wait + "|" + talk + "|1\n");
            } else {
                queueLog.write((start + wait) + "|" + id + "|" + r.queue() + "|NONE|ABANDON|1|1|" + wait + "\n");
            }
        });
    }

    private interface Io {
        void run() throws IOException;
    }

    private static void io(Io io) {
        try {
            io.run();
        } catch (IOException e) {
            throw new CollectException("cannot write data set: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        io(() -> {
            customers.close();
            bills.close();
            complaints.close();
            tickets.close();
            cdr.close();
            interactions.close();
            enrichment.close();
            queueLog.close();
        });
    }
}
