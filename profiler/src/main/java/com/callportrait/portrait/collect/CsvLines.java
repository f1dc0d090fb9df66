package com.callportrait.portrait.collect;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV records read so that a damaged record costs only itself. commons-csv over a whole file
 * stops at the first unterminated quote (its iterator throws and cannot go on), so each record is
 * parsed on its own: normally one physical line; a quoted field may span up to
 * {@link #MAX_CONTINUATION} more lines, and when no such join parses, only the first line is
 * rejected and reading resumes on the line after it. Blank lines are skipped. With a header, a
 * record must have as many fields as the header. Not thread-safe; one per file.
 */
final class CsvLines implements AutoCloseable {
    static final int MAX_CONTINUATION = 9;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).get();

    /**
     * One record, or why a line was rejected.
     *
     * @param line   the physical line it starts on
     * @param fields the fields, or null when rejected
     * @param error  the reason, or null
     */
    record Row(long line, List<String> fields, String error) {
    }

    private final TextLines lines;
    private final Deque<TextLines.Line> pushedBack = new ArrayDeque<>();
    private List<String> header;

    CsvLines(TextLines lines) {
        this.lines = lines;
    }

    /** Reads the first record as the header (null for an empty file). */
    List<String> readHeader() throws IOException {
        Row first = next();
        while (first != null && first.fields() == null) {
            first = next(); // an unreadable line before the header: nothing to report it against yet
        }
        header = first == null ? null : first.fields();
        return header;
    }

    /** The next record or rejected line; null at the end. */
    Row next() throws IOException {
        TextLines.Line line;
        do {
            line = take();
            if (line == null) {
                return null;
            }
        } while (line.text() != null && line.text().isBlank());
        if (line.text() == null) {
            return new Row(line.number(), null, line.error());
        }
        List<String> fields = parse(line.text());
        List<TextLines.Line> extra = new ArrayList<>();
        StringBuilder joined = new StringBuilder(line.text());
        while (fields == null && extra.size() < MAX_CONTINUATION) {
            TextLines.Line more = take();
            if (more == null || more.text() == null) {
                if (more != null) {
                    extra.add(more);
                }
                break;
            }
            extra.add(more);
            joined.append('\n').append(more.text());
            fields = parse(joined.toString());
        }
        if (fields == null) {
            for (int i = extra.size() - 1; i >= 0; i--) {
                pushedBack.addFirst(extra.get(i));
            }
            return new Row(line.number(), null, "malformed CSV: unterminated quoted field");
        }
        if (header != null && fields.size() != header.size()) {
            return new Row(line.number(), null, "wrong number of fields: " + fields.size() + ", the header has "
                    + header.size());
        }
        return new Row(line.number(), fields, null);
    }

    private TextLines.Line take() throws IOException {
        return pushedBack.isEmpty() ? lines.next() : pushedBack.removeFirst();
    }

    /** The fields of exactly one record, or null when the text is not one complete record. */
    private static List<String> parse(String text) {
        try (CSVParser p = CSVParser.parse(text, FORMAT)) {
            List<CSVRecord> records = p.getRecords();
            return records.size() == 1 ? records.get(0).toList() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
