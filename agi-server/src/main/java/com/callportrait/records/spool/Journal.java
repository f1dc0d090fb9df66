package com.callportrait.records.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only journal on local disk: {@link #append} writes a batch of entries and fsyncs once
 * (group commit) before returning, so what it returns is durable against {@code kill -9} and a
 * power cut; {@link #read} hands entries to the one consumer in order; {@link #ack} says every
 * entry up to a sequence number reached its destination, after which those entries are never
 * handed out again (a checkpoint file) and fully acknowledged segment files are deleted. On
 * {@link #open}, entries not acknowledged are read again, oldest first.
 *
 * <p>Files: {@code <20-digit first seq>.seg} segments (a new one when the active one passes the
 * segment size, and at every open), {@code acked.ckpt} (the acknowledged sequence number + CRC).
 * Entry: {@code int length, int crc32c(seq, payload), long seq, payload}. A torn or corrupt entry
 * at the tail of the last segment (a write cut by a crash) is logged and cut off at open; corruption
 * inside an older segment ends that segment (logged as an error with the bytes skipped).
 *
 * <p>The checkpoint is written at every {@link #ack} but fsync'd only on {@link #close}: after a
 * power cut a few acknowledged entries may be handed out again, which the consumer must tolerate
 * (the record appender's append is idempotent).
 *
 * <p>Thread-safe: one appending thread and one reading thread may use it concurrently (every
 * method is synchronized; an fsync holds the lock for its few milliseconds). Lifecycle:
 * {@link #open}, then {@link #close()}.
 */
public final class Journal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    static final int HEADER = EntryFormat.HEADER;
    public static final long DEFAULT_SEGMENT_BYTES = 8L << 20;
    private static final String CHECKPOINT = "acked.ckpt";

    /** One journal entry. */
    public record Entry(long seq, byte[] payload) {
        public int size() {
            return HEADER + payload.length;
        }
    }

    /** What {@link #open} found. */
    public record Recovery(int segments, long pending, long pendingBytes, long tornBytes, long ackedSeq, long lastSeq) {
    }

    private static final class Segment {
        final Path path;
        final FileChannel channel;
        long size;
        long lastSeq;

        Segment(Path path, FileChannel channel, long size, long lastSeq) {
            this.path = path;
            this.channel = channel;
            this.size = size;
            this.lastSeq = lastSeq;
        }
    }

    private final Path dir;
    private final long maxPendingBytes;
    private final long segmentBytes;
    private final Checkpoint checkpoint;
    private final FileChannel lockFile;
    private final java.nio.channels.FileLock lock;
    private final List<Segment> segments = new ArrayList<>();
    private final ArrayDeque<long[]> handedOut = new ArrayDeque<>(); // {seq, size} read but not acked
    private final Recovery recovery;
    private Segment active; // written to; null until the first append after open or after a write error
    private int readIndex;
    private long readPos;
    private long nextSeq;
    private long ackedSeq;
    private long pendingEntries;
    private long pendingBytes;
    private boolean closed;

    private Journal(Path dir, long maxPendingBytes, long segmentBytes) throws IOException {
        this.dir = dir;
        this.maxPendingBytes = maxPendingBytes;
        this.segmentBytes = segmentBytes;
        Files.createDirectories(dir);
        // one process per spool: a second serve on the same CP_DATA_DIR would interleave writes.
        // The OS drops the lock when the process dies, even by kill -9.
        this.lockFile = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        java.nio.channels.FileLock l;
        try {
            l = lockFile.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            l = null; // held by this very JVM
        }
        this.lock = l;
        if (lock == null) {
            lockFile.close();
            throw new IOException("the spool is in use by another running process");
        }
        this.checkpoint = new Checkpoint(dir.resolve(CHECKPOINT));
        this.ackedSeq = checkpoint.read();
        this.recovery = scan();
    }

    /**
     * Opens (creating if needed) the journal in {@code dir}: scans every segment, cuts off a torn
     * tail, and positions the reader at the oldest unacknowledged entry.
     *
     * @param maxPendingBytes entries not yet acknowledged may take this many bytes; beyond it
     *                        {@link #append} refuses new entries
     * @throws SpoolException when the directory cannot be used
     */
    public static Journal open(Path dir, long maxPendingBytes) {
        return open(dir, maxPendingBytes, DEFAULT_SEGMENT_BYTES);
    }

    static Journal open(Path dir, long maxPendingBytes, long segmentBytes) {
        try {
            return new Journal(dir, maxPendingBytes, segmentBytes);
        } catch (IOException e) {
            throw new SpoolException("cannot open the spool in " + dir.toAbsolutePath() + ": " + e, e);
        }
    }

    public Recovery recovery() {
        return recovery;
    }

    private Recovery scan() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".seg")).sorted().toList();
        }
        long torn = 0;
        long lastSeq = ackedSeq;
        for (int i = 0; i < files.size(); i++) {
            Path p = files.get(i);
            FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long size = ch.size();
            long pos = 0;
            long segLast = 0;
            Entry e;
            while ((e = EntryFormat.readAt(ch, pos, size)) != null && e.seq() > segLast) { // sequence numbers only grow
                if (e.seq() > ackedSeq) {
                    pendingEntries++;
                    pendingBytes += e.size();
                }
                segLast = e.seq();
                lastSeq = Math.max(lastSeq, e.seq());
                pos += e.size();
            }
            if (pos < size) {
                torn += size - pos;
                if (i == files.size() - 1) {
                    log.warn("spool: ignored a torn last write of {} bytes at offset {} of {} (cut off)", size - pos,
                            pos, p.getFileName());
                    ch.truncate(pos);
                    ch.force(true);
                } else {
                    log.error("spool: corrupt entry at offset {} of {}; {} bytes after it skipped", pos,
                            p.getFileName(), size - pos);
                }
            }
            if (segLast == 0 || segLast <= ackedSeq) {
                ch.close();
                Files.delete(p);
                continue;
            }
            segments.add(new Segment(p, ch, pos, segLast));
        }
        nextSeq = lastSeq + 1;
        return new Recovery(segments.size(), pendingEntries, pendingBytes, torn, ackedSeq, lastSeq);
    }

    /**
     * Writes the payloads as one batch and fsyncs it. Returns each payload's sequence number, or
     * -1 for a payload refused because the spool is full (pending bytes would pass the cap).
     *
     * @throws SpoolException when the write or the fsync failed; then none of the batch is accepted
     */
    public synchronized long[] append(List<byte[]> payloads) {
        if (closed) {
            throw new SpoolException("spool closed");
        }
        long[] seqs = new long[payloads.size()];
        ByteBuffer out = ByteBuffer.allocate(payloads.stream().mapToInt(p -> HEADER + p.length).sum());
        long seq = nextSeq;
        long bytes = 0;
        for (int i = 0; i < payloads.size(); i++) {
            byte[] p = payloads.get(i);
            if (p.length > EntryFormat.MAX_ENTRY || pendingBytes + bytes + HEADER + p.length > maxPendingBytes) {
                seqs[i] = -1;
                continue;
            }
            EntryFormat.put(out, seq, p);
            bytes += HEADER + p.length;
            seqs[i] = seq++;
        }
        if (bytes == 0) {
            return seqs;
        }
        out.flip();
        try {
            if (active == null || active.size >= segmentBytes) {
                roll();
            }
            long at = active.size;
            try {
                while (out.hasRemaining()) {
                    active.channel.write(out, at + out.position());
                }
                active.channel.force(false);
            } catch (IOException e) {
                // never leave a partial entry before later ones: cut it off, or start a new segment
                Segment failed = active;
                active = null;
                try {
                    failed.channel.truncate(at);
                } catch (IOException ignored) {
                    // the segment's size stays at 'at', so nothing after it is ever read
                }
                throw e;
            }
        } catch (IOException e) {
            throw new SpoolException("cannot write to the spool in " + dir.toAbsolutePath() + ": " + e, e);
        }
        active.size += bytes;
        active.lastSeq = seq - 1;
        pendingEntries += seq - nextSeq;
        pendingBytes += bytes;
        nextSeq = seq;
        return seqs;
    }

    private void roll() throws IOException {
        Path p = dir.resolve(String.format("%020d.seg", nextSeq));
        FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true); // the new file's directory entry survives a power cut too
        } catch (IOException e) {
            log.debug("cannot fsync directory {}: {}", dir, e.toString());
        }
        active = new Segment(p, ch, 0, 0);
        segments.add(active);
    }

    /**
     * Up to {@code max} entries after the last one handed out, oldest first (only complete,
     * fsync'd entries). Empty when there is nothing new.
     */
    public synchronized List<Entry> read(int max) {
        List<Entry> out = new ArrayList<>();
        try {
            while (out.size() < max && readIndex < segments.size()) {
                Segment s = segments.get(readIndex);
                Entry e = EntryFormat.readAt(s.channel, readPos, s.size);
                if (e == null) {
                    if (readPos < s.size) {
                        log.error("spool: corrupt entry at offset {} of {}; {} bytes skipped", readPos,
                                s.path.getFileName(), s.size - readPos);
                        readPos = s.size;
                    }
                    if (s == active || readIndex == segments.size() - 1) {
                        break;
                    }
                    readIndex++;
                    readPos = 0;
                    continue;
                }
                readPos += e.size();
                if (e.seq() > ackedSeq) {
                    handedOut.add(new long[] {e.seq(), e.size()});
                    out.add(e);
                }
            }
        } catch (IOException e) {
            throw new SpoolException("cannot read the spool in " + dir.toAbsolutePath() + ": " + e, e);
        }
        return out;
    }

    /**
     * Every entry handed out by {@link #read} up to {@code seq} reached its destination: never hand
     * them out again. Entries not yet handed out are not acknowledged by this.
     */
    public synchronized void ack(long seq) {
        seq = Math.min(seq, handedOut.isEmpty() ? ackedSeq : handedOut.peekLast()[0]);
        if (seq <= ackedSeq || closed) {
            return;
        }
        ackedSeq = seq;
        while (!handedOut.isEmpty() && handedOut.peekFirst()[0] <= seq) {
            long[] h = handedOut.pollFirst();
            pendingEntries--;
            pendingBytes -= h[1];
        }
        try {
            checkpoint.write(seq);
            while (segments.size() > 0 && segments.get(0) != active && segments.get(0).lastSeq <= seq
                    && readIndex > 0) {
                Segment s = segments.remove(0);
                readIndex--;
                s.channel.close();
                Files.deleteIfExists(s.path);
            }
        } catch (IOException e) {
            log.warn("spool: cannot update checkpoint or delete acknowledged segments ({}); they will be replayed"
                    + " after a restart (idempotent)", e.toString());
        }
    }

    /** Entries accepted and not yet acknowledged. */
    public synchronized long pendingEntries() {
        return pendingEntries;
    }

    /** Bytes of entries accepted and not yet acknowledged (what {@code maxPendingBytes} caps). */
    public synchronized long pendingBytes() {
        return pendingBytes;
    }

    /** Segment files on disk. */
    public synchronized int segmentCount() {
        return segments.size();
    }

    public Path dir() {
        return dir;
    }

    /** Fsyncs the checkpoint and closes every file. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            checkpoint.close();
        } catch (IOException e) {
            log.warn("spool: closing the checkpoint failed: {}", e.toString());
        }
        try {
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            log.warn("spool: releasing the lock failed: {}", e.toString());
        }
        for (Segment s : segments) {
            try {
                s.channel.close();
            } catch (IOException e) {
                log.warn("spool: closing {} failed: {}", s.path, e.toString());
            }
        }
    }
}
