package com.callportrait.profile.imports;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.ProfileStore;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;


/**
 * Loads customers from a CRM export in CSV.
 *
 * <h2>File format</h2>
 * UTF-8 (a byte-order mark is ignored), comma-separated, first non-comment line is the header.
 * Columns are found by name (any order, any case): required {@code customer_id, phone, name, tier,
 * language}; optional {@code lifetime_value, open_complaints, last_topic}; other columns are ignored
 * with a warning. One customer per line: quoted fields may contain commas and doubled quotes
 * ({@code "Doe, Jane"}) but not line breaks. Blank lines and lines starting with {@code #} are
 * skipped. {@code phone} may hold several numbers separated by {@code ;}, each in any form
 * {@link com.callportrait.profile.PhoneNumbers} accepts. {@code tier}: any label the CRM uses
 * ({@code gold}, {@code vip}, {@code enterprise}; see {@link com.callportrait.profile.Tier}), empty
 * meaning {@code standard}; the routing rules say what a label means. {@code language}: a tag such as {@code en} (empty means {@code en}).
 *
 * <h2>Bad rows</h2>
 * Each bad row is rejected on its own with its line number and reason — missing id, bad id, a tier
 * label that is over-long or holds control characters, bad or missing phone, bad language, non-numeric or negative value or count, a customer id
 * repeated in the file (the first row wins), an unterminated quote, a wrong number of fields, bytes
 * that are not UTF-8 — and
 * every good row is loaded. A missing required column rejects the whole file with an
 * {@link IllegalArgumentException} naming it (nothing can be read without it).
 *
 * <p>Re-importing keeps what the portrait engine computed (see {@link CustomerRow#toProfile}).
 * Immutable and thread-safe.
 */
public final class CustomerCsvImporter {

    public static final List<String> REQUIRED = List.of("customer_id", "phone", "name", "tier", "language");
    public static final List<String> OPTIONAL = List.of("lifetime_value", "open_complaints", "last_topic");
    /** Saves in flight at once while importing: enough to pipeline, bounded so memory stays flat. */
    static final int MAX_IN_FLIGHT = 64;
    static final long STORE_TIMEOUT_SECONDS = 30;

    private static final CSVFormat LINE_FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreSurroundingSpaces(true).get();

    private final RowValidator validator;
    private final Clock clock;

    private CustomerCsvImporter(PhoneOptions phoneOptions, Clock clock) {
        this.validator = new RowValidator(Objects.requireNonNull(phoneOptions, "phoneOptions"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static CustomerCsvImporter create(PhoneOptions phoneOptions, Clock clock) {
        return new CustomerCsvImporter(phoneOptions, clock);
    }

    public static CustomerCsvImporter create() {
        return create(PhoneOptions.DEFAULT, Clock.systemUTC());
    }

    /** Reads and validates a file without storing anything. */
    public ParsedCustomers parse(Reader in) throws IOException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<CustomerRow> rows = new ArrayList<>();
        List<RowProblem> rejected = new ArrayList<>();
        List<RowProblem> warnings = new ArrayList<>();
        Map<String, Long> idLines = new HashMap<>();
        Map<String, CustomerRow> phoneOwners = new HashMap<>();
        int duplicates = 0;
        List<String> header = null;
        long lineNo = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (line.indexOf('\uFFFD') >= 0) {
                if (header == null) {
                    throw new IllegalArgumentException("line " + lineNo + ": the header is not valid UTF-8");
                }
                rejected.add(new RowProblem(lineNo, "", "not valid UTF-8 (save the file as UTF-8)"));
                continue;
            }
            List<String> fields;
            try {
                fields = splitLine(line);
            } catch (IllegalArgumentException e) {
                if (header == null) {
                    throw new IllegalArgumentException("line " + lineNo + ": the header is not valid CSV: " + e.getMessage());
                }
                rejected.add(new RowProblem(lineNo, "", "malformed CSV: " + e.getMessage()));
                continue;
            }
            if (header == null) {
                header = readHeader(fields, lineNo, warnings);
                continue;
            }
            if (fields.size() != header.size()) {
                rejected.add(new RowProblem(lineNo, fields.isEmpty() ? "" : fieldOf(header, fields, "customer_id"),
                        "wrong number of fields: " + fields.size() + ", the header has " + header.size()));
                continue;
            }
            Map<String, String> byName = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                byName.put(header.get(i), fields.get(i));
            }
            RowValidator.Result result = validator.validate(lineNo, byName);
            String id = byName.getOrDefault("customer_id", "");
            if (result.row().isEmpty()) {
                rejected.add(new RowProblem(lineNo, id, result.reason()));
                continue;
            }
            CustomerRow row = result.row().get();
            Long first = idLines.putIfAbsent(id, lineNo);
            if (first != null) {
                duplicates++;
                rejected.add(new RowProblem(lineNo, id, "duplicate customer_id, first given on line " + first));
                continue;
            }
            for (String phone : row.phones()) {
                CustomerRow other = phoneOwners.put(phone, row);
                if (other != null) {
                    warnings.add(new RowProblem(lineNo, id, "phone " + phone + " also given to " + other.customerId()
                            + " on line " + other.line() + "; calls from it will find " + id));
                }
            }
            rows.add(row);
        }
        if (header == null) {
            throw new IllegalArgumentException("the file is empty: expected a header line with " + String.join(",", REQUIRED));
        }
        return new ParsedCustomers(rows, rejected, duplicates, warnings);
    }

    /**
     * Reads a file and stores every valid row, waiting until all saves have finished (for the CLI).
     * A row the store fails to save is reported as rejected with the store's reason.
     */
    public ImportReport importInto(Reader in, ProfileStore store) throws IOException {
        ParsedCustomers parsed = parse(in);
        List<RowProblem> rejected = new ArrayList<>(parsed.rejected());
        int loaded = new BoundedSaver(store, clock, MAX_IN_FLIGHT, STORE_TIMEOUT_SECONDS).saveAll(parsed.rows(), rejected);
        rejected.sort(Comparator.comparingLong(RowProblem::line));
        return new ImportReport(loaded, rejected, parsed.duplicates(), parsed.warnings());
    }

    /** {@link #importInto(Reader, ProfileStore)} for a UTF-8 file. */
    public ImportReport importFile(Path csv, ProfileStore store) {
        // Bytes that are not UTF-8 become U+FFFD, and parse() rejects just those lines; a strict
        // reader would abort the whole import at the first bad byte.
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(csv), utf8))) {
            return importInto(in, store);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    /** Profiles for the valid rows, as they would be stored for new customers (tests, demo). */
    public List<CustomerProfile> toProfiles(ParsedCustomers parsed) {
        List<CustomerProfile> out = new ArrayList<>();
        for (CustomerRow row : parsed.rows()) {
            out.add(row.toProfile(java.util.Optional.empty(), clock.instant()));
        }
        return out;
    }

    private static List<String> splitLine(String line) {
        try (CSVParser parser = CSVParser.parse(line, LINE_FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IllegalArgumentException("expected one record, found " + records.size());
            }
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            String msg = String.valueOf(e.getMessage());
            throw new IllegalArgumentException(msg.contains("EOF") || msg.contains("encapsulated")
                    ? "unterminated quoted field" : msg, e);
        }
    }

    private static List<String> readHeader(List<String> fields, long lineNo, List<RowProblem> warnings) {
        List<String> header = new ArrayList<>();
        for (String f : fields) {
            String name = f.trim().toLowerCase(Locale.ROOT);
            if (header.contains(name)) {
                throw new IllegalArgumentException("line " + lineNo + ": column '" + name + "' appears twice in the header");
            }
            header.add(name);
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                warnings.add(new RowProblem(lineNo, "", "column '" + f.trim() + "' is not used and is ignored"));
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("line " + lineNo + ": the header lacks required column(s) "
                    + String.join(", ", missing) + "; expected " + String.join(",", REQUIRED)
                    + " and optionally " + String.join(",", OPTIONAL));
        }
        return header;
    }

    private static String fieldOf(List<String> header, List<String> fields, String column) {
        int i = header.indexOf(column);
        return i >= 0 && i < fields.size() ? fields.get(i) : "";
    }

}
