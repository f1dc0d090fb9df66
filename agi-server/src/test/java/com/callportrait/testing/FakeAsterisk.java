package com.callportrait.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Asterisk side of one FastAGI session over a real socket, byte for byte: writes the
 * environment block, reads LF-terminated commands, writes replies, and sees the server's close.
 * Blocking; one per test session.
 */
public final class FakeAsterisk implements AutoCloseable {
    public static final String ENV = "agi_network: yes\nagi_network_script: %s\nagi_request: agi://127.0.0.1:4573/%s\n"
            + "agi_channel: Local/5551234@cp-inbound-00000009;2\nagi_language: en\nagi_type: Local\n"
            + "agi_uniqueid: %s\nagi_version: 22.10.1\nagi_callerid: %s\nagi_calleridname: Jane Doe\n"
            + "agi_callingpres: 0\nagi_callingani2: 0\nagi_callington: 0\nagi_callingtns: 0\nagi_dnid: unknown\n"
            + "agi_rdnis: unknown\nagi_context: cp-inbound\nagi_extension: 5551234\nagi_priority: 2\n"
            + "agi_enhanced: 0.0\nagi_accountcode: \nagi_threadid: 139943870211776\n\n";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private FakeAsterisk(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static FakeAsterisk connect(InetSocketAddress server) throws IOException {
        return connectFrom(server, null);
    }

    /** Connects to the server's port on 127.0.0.1 from the given local (source) address, e.g. 127.0.0.2. */
    public static FakeAsterisk connectFrom(InetSocketAddress server, String source) throws IOException {
        Socket s = new Socket();
        if (source != null) {
            s.bind(new InetSocketAddress(source, 0));
        }
        s.setTcpNoDelay(true);
        s.setSoTimeout(15_000);
        s.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 5_000);
        return new FakeAsterisk(s);
    }

    /** The environment block of the recorded session, for another script/caller/uniqueid. */
    public static String environment(String script, String callerId, String uniqueId) {
        return String.format(ENV, script, script, uniqueId, callerId);
    }

    public FakeAsterisk send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    public FakeAsterisk send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** The next command line including its LF, or null when the server closed the socket. */
    public String readCommand() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
            }
            b.write(c);
            if (c == '\n') {
                return b.toString(StandardCharsets.UTF_8);
            }
        }
    }

    /** True when the server has closed the connection (reads EOF), false if it sent data. */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true; // reset: closed as well
        }
    }

    /** Parses the variables of an {@code EXEC MSet A=x,B=y} line. */
    public static Map<String, String> msetVariables(String line) {
        if (!line.startsWith("EXEC MSet ") || !line.endsWith("\n")) {
            throw new AssertionError("not an EXEC MSet line: " + line);
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : line.substring(10, line.length() - 1).split(",")) {
            int eq = kv.indexOf('=');
            m.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return m;
    }

    /** Closes abruptly (RST), as a vanishing peer. */
    public void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
