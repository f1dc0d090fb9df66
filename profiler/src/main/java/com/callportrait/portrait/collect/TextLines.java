package com.callportrait.portrait.collect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads an import file line by line from its bytes, so that one bad line costs only that line:
 * each line is decoded as UTF-8 on its own (a line that is not UTF-8 is reported, the next one
 * is read normally), a byte-order mark at the start is dropped, CR before LF is dropped, and a
 * line longer than {@link #MAX_LINE_BYTES} is skipped to its end without being held in memory.
 * Not thread-safe; one reader per file.
 */
final class TextLines implements AutoCloseable {
    /** Longest line read (1 MiB): no field of any source comes near it. */
    static final int MAX_LINE_BYTES = 1 << 20;

    /**
     * One physical line.
     *
     * @param number 1-based line number
     * @param text   the decoded text, or null when {@code error} says why it cannot be read
     * @param error  null, or why the line is unreadable
     */
    record Line(long number, String text, String error) {
    }

    private final InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int limit;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private long number;
    private boolean eof;

    TextLines(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        if (eof) {
            return null;
        }
        buf.reset();
        boolean tooLong = false;
        boolean end = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(chunk);
                pos = 0;
                if (limit < 0) {
                    limit = 0;
                    end = true;
                    break;
                }
            }
            int lf = pos;
            while (lf < limit && chunk[lf] != '\n') {
                lf++;
            }
            int room = MAX_LINE_BYTES - buf.size();
            if (lf - pos > room) {
                tooLong = true;
            }
            buf.write(chunk, pos, Math.min(lf - pos, Math.max(room, 0)));
            if (lf < limit) {
                pos = lf + 1;
                break;
            }
            pos = limit;
        }
        if (end) {
            eof = true;
            if (buf.size() == 0 && !tooLong) {
                return null;
            }
        }
        number++;
        if (tooLong) {
            return new Line(number, null, "line longer than " + MAX_LINE_BYTES + " bytes");
        }
        byte[] bytes = buf.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        int from = number == 1 && len >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return new Line(number, utf8.decode(ByteBuffer.wrap(bytes, from, len - from)).toString(), null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "not valid UTF-8 (save the file as UTF-8)");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
