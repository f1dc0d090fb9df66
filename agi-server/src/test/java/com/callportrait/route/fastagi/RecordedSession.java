package com.callportrait.route.fastagi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The FastAGI session recorded from Asterisk 22.10.1 ({@code agi/agi-session.log}, copied from
 * shared/asterisk-22): the environment block and, per command, the exact reply bytes. The file
 * holds Python {@code repr}s of the bytes; this turns them back into bytes.
 */
public record RecordedSession(byte[] environment, List<Exchange> exchanges) {

    /** One command the test server sent and the bytes Asterisk answered. */
    public record Exchange(String command, byte[] reply) {
    }

    public static RecordedSession load() {
        try (InputStream in = RecordedSession.class.getResourceAsStream("/agi/agi-session.log")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            byte[] env = null;
            List<Exchange> ex = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("ENV ")) {
                    env = pyBytes(line.substring(4));
                } else if (line.startsWith("CMD ")) {
                    int arrow = line.indexOf(" -> b");
                    String cmd = new String(pyBytes(line.substring(4, arrow)), StandardCharsets.UTF_8);
                    ex.add(new Exchange(cmd, pyBytes(line.substring(arrow + 4))));
                }
            }
            return new RecordedSession(env, ex);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decodes {@code b'...'} or {@code '...'} as Python writes it. */
    static byte[] pyBytes(String repr) {
        String s = repr.strip();
        if (s.startsWith("b")) {
            s = s.substring(1);
        }
        char quote = s.charAt(0);
        s = s.substring(1, s.lastIndexOf(quote));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'x' -> {
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> out.write(n);
            }
        }
        return out.toByteArray();
    }

    /** The reply recorded for the command starting with {@code prefix}. */
    byte[] reply(String prefix) {
        return exchanges.stream().filter(e -> e.command().startsWith(prefix)).findFirst().orElseThrow().reply();
    }
}
