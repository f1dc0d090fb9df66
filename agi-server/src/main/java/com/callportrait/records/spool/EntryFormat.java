package com.callportrait.records.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The journal's entry format: {@code int length, int crc32c(seq, payload), long seq, payload}, big
 * endian. A length out of range, a short read or a CRC mismatch means "no entry here" (a torn or
 * corrupt write). Stateless; thread-safe.
 */
final class EntryFormat {
    static final int HEADER = 16;
    static final int MAX_ENTRY = 4 << 20;

    private EntryFormat() {
    }

    static void put(ByteBuffer out, long seq, byte[] payload) {
        out.putInt(payload.length).putInt(crc(seq, payload)).putLong(seq).put(payload);
    }

    /** The entry at {@code pos}, or null when none is complete and intact before {@code limit}. */
    static Journal.Entry readAt(FileChannel ch, long pos, long limit) throws IOException {
        if (pos + HEADER > limit) {
            return null;
        }
        ByteBuffer h = ByteBuffer.allocate(HEADER);
        readFully(ch, h, pos);
        int len = h.getInt(0);
        if (len < 0 || len > MAX_ENTRY || pos + HEADER + len > limit) {
            return null;
        }
        ByteBuffer payload = ByteBuffer.allocate(len);
        readFully(ch, payload, pos + HEADER);
        long seq = h.getLong(8);
        if (seq <= 0 || crc(seq, payload.array()) != h.getInt(4)) {
            return null;
        }
        return new Journal.Entry(seq, payload.array());
    }

    static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }

    static int crc(long seq, byte[] payload) {
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(ByteBuffer.allocate(8).putLong(0, seq));
        c.update(payload);
        return (int) c.getValue();
    }
}
