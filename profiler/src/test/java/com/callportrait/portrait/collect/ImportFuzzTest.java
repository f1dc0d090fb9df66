package com.callportrait.portrait.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.portrait.gen.DatasetWriter;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticGenerator;
import com.callportrait.profile.imports.CustomerCsvImporter;
import com.callportrait.profile.imports.ImportReport;
import com.callportrait.profile.imports.RowProblem;
import com.callportrait.profile.memory.InMemoryProfileStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates good import files line by line (broken quoting, wrong field counts, bytes that are not
 * UTF-8, a byte-order mark, fields of 100 KB and of over 1 MiB, truncated JSON, non-objects,
 * values of the wrong type) and checks every import path: every untouched row is still imported
 * exactly as from a file of the untouched rows alone, every rejected line is one that was
 * mutated and comes with a reason, and no exception aborts the import. Fixed seeds.
 */
class ImportFuzzTest {
    private static final ZoneId PBX = ZoneId.of("America/New_York");
    private static final int ROUNDS = 24;

    /** Everything a source delivered, in order, and what it rejected. */
    static final class Collect implements RecordSink {
        final List<Object> records = new ArrayList<>();
        final Map<Long, String> rejected = new HashMap<>();

        @Override public void customer(CustomerRecord r) { records.add(r); }
        @Override public void bill(BillRecord r) { records.add(r); }
        @Override public void complaint(ComplaintRecord r) { records.add(r); }
        @Override public void ticket(TicketRecord r) { records.add(r); }
        @Override public void enrichment(EnrichmentRecord r) { records.add(r); }
        @Override public void interaction(InteractionRecord r) { records.add(r); }

        @Override
        public void rejected(String source, long line, String reason) {
            assertThat(reason).as("reason for line " + line).isNotBlank();
            rejected.put(line, reason);
        }
    }

    @Test
    void everySourceKeepsItsGoodRowsAndNamesEachBadOne(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good");
        Files.createDirectories(good);
        try (DatasetWriter w = new DatasetWriter(good, PBX)) {
            new SyntheticGenerator(GeneratorOptions.of(5, 30, 300)).generate(w);
        }
        SplittableRandom r = new SplittableRandom(20261122);
        int rejectedTotal = 0;
        for (String name : List.of("customers.csv", "bills.csv", "complaints.csv", "tickets.csv", "enrichment.jsonl",
                "interactions.jsonl", "Master.csv", "queue_log")) {
            List<byte[]> lines = lines(Files.readAllBytes(good.resolve(name)));
            boolean header = name.endsWith(".csv") && !name.equals("Master.csv");
            for (int round = 0; round < ROUNDS; round++) {
                Path work = dir.resolve("r" + round);
                Files.createDirectories(work);
                Set<Long> mutated = new TreeSet<>();
                List<byte[]> bad = new ArrayList<>(lines);
                for (int k = 0, n = 1 + r.nextInt(4); k < n; k++) {
                    int at = (header ? 1 : 0) + r.nextInt(lines.size() - (header ? 1 : 0));
                    mutated.add(at + 1L);
                    bad.set(at, mutate(bad.get(at), name.endsWith(".jsonl"), r));
                }
                if (r.nextInt(4) == 0) {
                    bad.set(0, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bad.get(0)));
                }
                List<byte[]> untouched = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    if (!mutated.contains(i + 1L)) {
                        untouched.add(lines.get(i));
                    }
                }
                Collect expected = read(write(work.resolve("expected"), name, untouched), name);
                assertThat(expected.rejected).isEmpty();
                Collect got = read(write(work.resolve("mutated"), name, bad), name);
                assertThat(mutated).as(name + " round " + round + ": rejected lines " + got.rejected)
                        .containsAll(got.rejected.keySet());
                if (name.equals("queue_log")) {
                    // A call's record is built from several lines: the calls left untouched must all be there.
                    List<String> ids = got.records.stream().map(o -> ((InteractionRecord) o).interactionId()).toList();
                    expected.records.forEach(o -> assertThat(ids).contains(((InteractionRecord) o).interactionId()));
                } else {
                    List<Object> left = new ArrayList<>(got.records);
                    for (Object o : expected.records) {
                        assertThat(left.remove(o)).as(name + " round " + round + ": good row lost: " + o).isTrue();
                    }
                    assertThat(left.size() + got.rejected.size()).as(name + " round " + round + ": each mutated line "
                            + "either read or rejected").isEqualTo(mutated.size());
                }
                rejectedTotal += got.rejected.size();
            }
        }
        assertThat(rejectedTotal).as("the mutations did reach the parsers").isGreaterThan(ROUNDS * 4);
    }

    @Test
    void profileImportKeepsItsGoodRowsAndNamesEachBadOne(@TempDir Path dir) throws IOException {
        byte[] demo;
        try (InputStream in = CustomerCsvImporter.class.getResourceAsStream("/demo/customers.csv")) {
            demo = in.readAllBytes();
        }
        List<byte[]> lines = lines(demo);
        int header = 0;
        while (new String(lines.get(header), StandardCharsets.UTF_8).startsWith("#")) {
            header++;
        }
        SplittableRandom r = new SplittableRandom(7);
        CustomerCsvImporter importer = CustomerCsvImporter.create();
        for (int round = 0; round < ROUNDS; round++) {
            Set<Integer> mutated = new TreeSet<>();
            List<byte[]> bad = new ArrayList<>(lines);
            for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) {
                int at = header + 1 + r.nextInt(lines.size() - header - 1);
                mutated.add(at + 1);
                bad.set(at, mutate(bad.get(at), false, r));
            }
            List<byte[]> untouched = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!mutated.contains(i + 1)) {
                    untouched.add(lines.get(i));
                }
            }
            InMemoryProfileStore expectedStore = InMemoryProfileStore.create();
            ImportReport expected = importer.importFile(write(dir.resolve("e" + round), "c.csv", untouched), expectedStore);
            InMemoryProfileStore store = InMemoryProfileStore.create();
            ImportReport got = importer.importFile(write(dir.resolve("m" + round), "c.csv", bad), store);
            assertThat(expected.rejected()).isEmpty();
            for (RowProblem p : got.rejected()) {
                assertThat(mutated).as("rejected " + p).contains((int) p.line());
                assertThat(p.reason()).isNotBlank();
            }
            assertThat(got.loaded() + got.rejected().size()).isEqualTo(expected.loaded() + mutated.size());
        }
    }

    /** One hostile change to one line. */
    static byte[] mutate(byte[] line, boolean json, SplittableRandom r) {
        String s = new String(line, StandardCharsets.UTF_8);
        int at = s.isEmpty() ? 0 : r.nextInt(s.length());
        switch (r.nextInt(json ? 9 : 7)) {
            case 0:
                return (s.substring(0, at) + "\"" + s.substring(at)).getBytes(StandardCharsets.UTF_8);
            case 1:
                return (s + ",extra").getBytes(StandardCharsets.UTF_8);
            case 2:
                return (s.lastIndexOf(',') > 0 ? s.substring(0, s.lastIndexOf(',')) : s + ",")
                        .getBytes(StandardCharsets.UTF_8);
            case 3:
                return concat(java.util.Arrays.copyOfRange(line, 0, Math.min(at, line.length)),
                        new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF},
                        java.util.Arrays.copyOfRange(line, Math.min(at, line.length), line.length));
            case 4:
                return (s.substring(0, at) + "x".repeat(r.nextBoolean() ? 100_000 : 1_100_000) + s.substring(at))
                        .getBytes(StandardCharsets.UTF_8);
            case 5:
                return s.replaceFirst("\\d+", "abc").getBytes(StandardCharsets.UTF_8);
            case 6:
                return s.substring(0, at).getBytes(StandardCharsets.UTF_8);
            case 7:
                return r.nextBoolean() ? "[1,2,3]".getBytes(StandardCharsets.UTF_8) : "42".getBytes(StandardCharsets.UTF_8);
            default:
                return s.replaceFirst(":(-?\\d+)", ":{\"n\":$1}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static Collect read(Path file, String name) {
        Collect c = new Collect();
        Source source = name.equals("Master.csv") ? new CdrCsvSource(file, PBX)
                : name.equals("queue_log") ? new QueueLogSource(file) : new CrmFileSource(file, PBX);
        source.readInto(c);
        return c;
    }

    private static Path write(Path dir, String name, List<byte[]> lines) throws IOException {
        Files.createDirectories(dir);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            b.writeBytes(l);
            b.write('\n');
        }
        return Files.write(dir.resolve(name), b.toByteArray());
    }

    private static List<byte[]> lines(byte[] file) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n') {
                int end = i > start && file[i - 1] == '\r' ? i - 1 : i;
                out.add(java.util.Arrays.copyOfRange(file, start, end));
                start = i + 1;
            }
        }
        if (start < file.length) {
            out.add(java.util.Arrays.copyOfRange(file, start, file.length));
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }
}
