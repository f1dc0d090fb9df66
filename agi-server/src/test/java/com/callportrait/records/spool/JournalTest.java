package com.callportrait.records.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static List<byte[]> payloads(String... s) {
        List<byte[]> out = new ArrayList<>();
        for (String x : s) {
            out.add(x.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static List<String> texts(List<Journal.Entry> entries) {
        return entries.stream().map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
    }

    private static List<Path> segments(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
    }

    @Test
    void entriesAreHandedOutInOrderOnceAndAcknowledgedOnesAreNotReplayed(@TempDir Path dir) {
        try (Journal j = Journal.open(dir, 1 << 20)) {
            assertThat(j.append(payloads("a", "b", "c"))).containsExactly(1, 2, 3);
            assertThat(j.pendingEntries()).isEqualTo(3);
            assertThat(j.pendingBytes()).isEqualTo(3 * (Journal.HEADER + 1));
            List<Journal.Entry> first = j.read(2);
            assertThat(texts(first)).containsExactly("a", "b");
            assertThat(first).extracting(Journal.Entry::seq).containsExactly(1L, 2L);
            j.ack(2);
            assertThat(j.pendingEntries()).isEqualTo(1);
            assertThat(j.pendingBytes()).isEqualTo(Journal.HEADER + 1);
            assertThat(texts(j.read(10))).containsExactly("c");
            assertThat(j.read(10)).isEmpty();
            assertThat(j.append(payloads("d"))).containsExactly(4);
            assertThat(texts(j.read(10))).containsExactly("d");
        }
        // c and d were handed out but never acknowledged: a restart hands them out again
        try (Journal j = Journal.open(dir, 1 << 20)) {
            assertThat(j.recovery().pending()).isEqualTo(2);
            assertThat(j.recovery().ackedSeq()).isEqualTo(2);
            assertThat(j.recovery().tornBytes()).isZero();
            List<Journal.Entry> again = j.read(10);
            assertThat(texts(again)).containsExactly("c", "d");
            assertThat(again).extracting(Journal.Entry::seq).containsExactly(3L, 4L);
            assertThat(j.append(payloads("e"))).containsExactly(5); // numbering goes on
            assertThat(texts(j.read(10))).containsExactly("e");
            j.ack(5);
            assertThat(j.pendingEntries()).isZero();
            assertThat(j.pendingBytes()).isZero();
        }
        try (Journal j = Journal.open(dir, 1 << 20)) {
            assertThat(j.recovery().pending()).isZero();
            assertThat(j.read(10)).isEmpty();
            assertThat(j.append(payloads("f"))).containsExactly(6);
        }
    }

    @Test
    void aTornLastWriteIsCutOffAndLoggedAndEverythingBeforeItSurvives(@TempDir Path dir) throws IOException {
        try (Journal j = Journal.open(dir, 1 << 20)) {
            j.append(payloads("one", "two"));
            j.append(payloads("three-is-longer"));
        }
        Path seg = segments(dir).get(0);
        long size = Files.size(seg);
        // a crash in the middle of the last write: its last 5 bytes never reached the disk
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
            ch.truncate(size - 5);
        }
        try (Journal j = Journal.open(dir, 1 << 20)) {
            assertThat(j.recovery().tornBytes()).isEqualTo(Journal.HEADER + "three-is-longer".length() - 5);
            assertThat(texts(j.read(10))).containsExactly("one", "two");
            assertThat(j.append(payloads("four"))).containsExactly(3);
        }
        try (Journal j = Journal.open(dir, 1 << 20)) {
            assertThat(j.recovery().tornBytes()).isZero();
            assertThat(texts(j.read(10))).containsExactly("one", "two", "four");
        }
    }

    @Test
    void aCorruptTailWithAValidLookingLengthFailsItsCrc(@TempDir Path dir) throws IOException {
        try (Journal j = Journal.open(dir, 1 << 20)) {
            j.append(payloads("kept"));
        }
        Path seg = segments(dir).get(0);
        // half-written garbage after the good entry: a plausible length, wrong CRC
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.allocate(Journal.HEADER + 3).putInt(3).putInt(12345).putLong(2).put(new byte[] {1, 2, 3})
                    .flip());
        }
        // and a garbage length in another segment written later
        try (Journal j = Journal.open(dir, 1 << 20)) {
            assertThat(j.recovery().tornBytes()).isEqualTo(Journal.HEADER + 3);
            assertThat(texts(j.read(10))).containsExactly("kept");
        }
        assertThat(Files.size(seg)).isEqualTo(Journal.HEADER + 4);
    }

    @Test
    void corruptionInsideAnOlderSegmentLosesOnlyThatSegmentsRest(@TempDir Path dir) throws IOException {
        try (Journal j = Journal.open(dir, 1 << 20)) {
            j.append(payloads("a1", "a2"));
        }
        try (Journal j = Journal.open(dir, 1 << 20)) {
            j.append(payloads("b1"));
        }
        Path older = segments(dir).get(0);
        try (FileChannel ch = FileChannel.open(older, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {'X'}), Journal.HEADER + 2 + Journal.HEADER); // a2's payload
        }
        try (Journal j = Journal.open(dir, 1 << 20)) {
            assertThat(texts(j.read(10))).containsExactly("a1", "b1");
        }
    }

    @Test
    void aFullSpoolRefusesNewEntriesUntilOldOnesAreAcknowledged(@TempDir Path dir) {
        int entry = Journal.HEADER + 10;
        try (Journal j = Journal.open(dir, 3L * entry)) {
            long[] seqs = j.append(payloads("0123456789", "0123456789", "0123456789", "0123456789"));
            assertThat(seqs).containsExactly(1, 2, 3, -1);
            assertThat(j.append(payloads("0123456789"))).containsExactly(-1);
            j.read(1);
            j.ack(1);
            assertThat(j.append(payloads("0123456789"))).containsExactly(4);
            assertThat(j.pendingBytes()).isEqualTo(3L * entry);
        }
    }

    @Test
    void acknowledgedSegmentsAreDeletedAndNewOnesRolled(@TempDir Path dir) throws IOException {
        try (Journal j = Journal.open(dir, 1 << 20, 64)) {
            for (int i = 0; i < 10; i++) {
                j.append(payloads("entry-number-" + i)); // 30 bytes each: a new segment every 3 entries
            }
            assertThat(segments(dir)).hasSize(4);
            List<Journal.Entry> all = j.read(100);
            assertThat(all).hasSize(10);
            j.ack(all.get(6).seq());
            assertThat(segments(dir)).hasSize(2); // entries 7-9 and 10 remain
            j.ack(10);
            assertThat(segments(dir)).hasSize(1); // the active segment stays
            assertThat(j.pendingEntries()).isZero();
        }
        try (Journal j = Journal.open(dir, 1 << 20, 64)) {
            assertThat(j.recovery().pending()).isZero();
            assertThat(segments(dir)).isEmpty(); // fully acknowledged: removed at open
        }
    }

    @Test
    void aLostCheckpointReplaysEverythingLeft(@TempDir Path dir) throws IOException {
        try (Journal j = Journal.open(dir, 1 << 20)) {
            j.append(payloads("x", "y"));
            j.read(1);
            j.ack(1);
        }
        Files.write(dir.resolve("acked.ckpt"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        try (Journal j = Journal.open(dir, 1 << 20)) {
            assertThat(texts(j.read(10))).containsExactly("x", "y");
        }
    }

    @Test
    void oneProcessAtATimeUsesASpool(@TempDir Path dir) {
        try (Journal j = Journal.open(dir, 1 << 20)) {
            assertThatThrownBy(() -> Journal.open(dir, 1 << 20)).isInstanceOf(SpoolException.class)
                    .hasMessageContaining("in use by another running process");
        }
        Journal.open(dir, 1 << 20).close();
    }

    @Test
    void aClosedJournalRefusesAppends(@TempDir Path dir) {
        Journal j = Journal.open(dir, 1 << 20);
        j.close();
        assertThatThrownBy(() -> j.append(payloads("late"))).isInstanceOf(SpoolException.class);
    }
}
