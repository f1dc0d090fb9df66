package com.callportrait.records.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's acknowledged sequence number in a 12-byte file ({@code long seq, int crc32c}),
 * rewritten in place at every acknowledgement and fsync'd on close. An unreadable checkpoint reads
 * as 0: everything left in the journal is replayed, which the idempotent append makes harmless.
 * Not thread-safe (the journal holds its lock).
 */
final class Checkpoint implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Checkpoint.class);
    private final Path path;
    private final FileChannel channel;

    Checkpoint(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    long read() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(12);
        while (b.hasRemaining() && channel.read(b, b.position()) > 0) {
            // fill
        }
        if (b.position() == 0) {
            return 0;
        }
        if (b.position() == 12) {
            long seq = b.getLong(0);
            if (EntryFormat.crc(seq, new byte[0]) == b.getInt(8)) {
                return seq;
            }
        }
        log.warn("spool checkpoint {} is unreadable; every entry left in the spool will be replayed"
                + " (the append is idempotent)", path);
        return 0;
    }

    void write(long seq) throws IOException {
        channel.write(ByteBuffer.allocate(12).putLong(0, seq).putInt(8, EntryFormat.crc(seq, new byte[0])), 0);
    }

    @Override
    public void close() throws IOException {
        channel.force(true);
        channel.close();
    }
}
