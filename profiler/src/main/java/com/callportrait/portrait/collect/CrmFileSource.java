package com.callportrait.portrait.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A CRM export file, CSV with a header or JSON lines, of one kind, recognised by name:
 * {@code customers}, {@code bills}, {@code complaints}, {@code tickets}, {@code interactions},
 * {@code enrichment} ({@code customers.csv}, {@code bills.jsonl}, ...). Column names are those of
 * the record components in snake case (see docs/portrait.md). A line that cannot be read (not UTF-8,
 * broken quoting, a field count unlike the header's, not a JSON object, a value of the wrong type)
 * is reported to the sink with its line number and reason and skipped; the rest of the file is
 * read (see {@link CsvLines}, {@link TextLines}). Streams; not thread-safe.
 */
public final class CrmFileSource implements Source {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final String kind;
    private final ZoneId zone;

    public CrmFileSource(Path file, ZoneId zone) {
        this.file = file;
        this.zone = zone;
        String name = file.getFileName().toString();
        this.kind = name.substring(0, name.indexOf('.') < 0 ? name.length() : name.indexOf('.'));
        if (!java.util.Set.of("customers", "bills", "complaints", "tickets", "interactions", "enrichment").contains(kind)) {
            throw new CollectException("cannot tell what " + file + " holds: name it customers, bills, complaints, "
                    + "tickets, interactions or enrichment (.csv or .jsonl)");
        }
    }

    @Override
    public String name() {
        return "crm:" + file.getFileName();
    }

    @Override
    public long readInto(RecordSink sink) {
        boolean json = file.toString().endsWith(".jsonl") || file.toString().endsWith(".json");
        long n = 0;
        try (TextLines lines = new TextLines(Files.newInputStream(file))) {
            if (json) {
                for (TextLines.Line line = lines.next(); line != null; line = lines.next()) {
                    if (line.text() == null) {
                        sink.rejected(name(), line.number(), line.error());
                        continue;
                    }
                    if (line.text().isBlank()) {
                        continue;
                    }
                    final JsonNode node;
                    try {
                        node = JSON.readTree(line.text());
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        sink.rejected(name(), line.number(), "not JSON: " + e.getOriginalMessage());
                        continue;
                    }
                    if (node == null || !node.isObject()) {
                        sink.rejected(name(), line.number(), "not a JSON object");
                        continue;
                    }
                    n += emit(sink, line.number(), f -> node.hasNonNull(f) ? node.get(f).asText() : null, node);
                }
            } else {
                CsvLines csv = new CsvLines(lines);
                List<String> header = csv.readHeader();
                if (header == null) {
                    return 0;
                }
                Map<String, Integer> columns = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    columns.putIfAbsent(header.get(i), i);
                }
                for (CsvLines.Row row = csv.next(); row != null; row = csv.next()) {
                    if (row.fields() == null) {
                        sink.rejected(name(), row.line(), row.error());
                        continue;
                    }
                    List<String> fields = row.fields();
                    n += emit(sink, row.line(), f -> columns.containsKey(f) ? emptyToNull(fields.get(columns.get(f))) : null,
                            null);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CollectException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return n;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private int emit(RecordSink sink, long line, Function<String, String> f, JsonNode json) {
        try {
            switch (kind) {
                case "customers" -> sink.customer(new CustomerRecord(f.apply("customer_id"), f.apply("name"),
                        f.apply("phone"), f.apply("tier"), f.apply("language"), Times.parse(f.apply("joined_at"), zone),
                        dbl(f.apply("lifetime_value")), Times.parse(f.apply("closed_at"), zone)));
                case "bills" -> sink.bill(new BillRecord(f.apply("bill_id"), f.apply("customer_id"),
                        Times.parse(f.apply("issued_at"), zone), Times.parse(f.apply("due_at"), zone),
                        Times.parse(f.apply("paid_at"), zone), dbl(f.apply("amount"))));
                case "complaints" -> sink.complaint(new ComplaintRecord(f.apply("complaint_id"), f.apply("customer_id"),
                        Times.parse(f.apply("opened_at"), zone), f.apply("topic"), f.apply("summary"),
                        Times.parse(f.apply("resolved_at"), zone)));
                case "tickets" -> sink.ticket(new TicketRecord(f.apply("ticket_id"), f.apply("customer_id"),
                        Times.parse(f.apply("opened_at"), zone), f.apply("topic"), f.apply("summary"),
                        Times.parse(f.apply("closed_at"), zone)));
                case "interactions" -> sink.interaction(new InteractionRecord(f.apply("interaction_id"),
                        f.apply("customer_id"), f.apply("phone"), f.apply("channel"), Times.parse(f.apply("start"), zone),
                        f.apply("queue"), f.apply("agent"), integer(f.apply("wait_sec")), integer(f.apply("talk_sec")),
                        f.apply("outcome"), integer(f.apply("survey")), f.apply("emotion"), f.apply("topic"),
                        f.apply("transcript")));
                default -> {
                    Map<String, String> attrs = new HashMap<>();
                    if (json != null) {
                        json.fields().forEachRemaining(e -> attrs.put(e.getKey(), e.getValue().asText()));
                    } else {
                        for (String k : new String[] {"business", "household", "credit_band", "plan"}) {
                            if (f.apply(k) != null) {
                                attrs.put(k, f.apply(k));
                            }
                        }
                    }
                    attrs.remove("customer_id");
                    sink.enrichment(new EnrichmentRecord(f.apply("customer_id"), attrs));
                }
            }
            return 1;
        } catch (RuntimeException e) {
            sink.rejected(name(), line, reason(e));
            return 0;
        }
    }

    /** An operator-readable reason (some exceptions, e.g. a NullPointerException, carry no message). */
    static String reason(RuntimeException e) {
        if (e instanceof NumberFormatException) {
            return "not a number: " + e.getMessage();
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Double dbl(String s) {
        return s == null ? null : Double.valueOf(s);
    }

    private static Integer integer(String s) {
        return s == null ? null : Integer.valueOf(s);
    }
}
