package com.callportrait.simulator.agi;

import java.io.BufferedInputStream;
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
 * Nothing is checked or corrected: what is sent is what the caller gave (tests of malformed
 * input send their own bytes through {@link #send(byte[])}). {@link AgiCaller} plays whole
 * sessions on top of it.
 *
 * <p>Blocking; one thread per session. Lifecycle: {@link #connect}, then {@link #close()} or
 * {@link #abort()}.
 */
public final class AgiConnection implements AutoCloseable {
    /** The environment block of the recorded Asterisk 22 session (script, script, uniqueid, caller id). */
    public static final String ENV = "agi_network: yes\nagi_network_script: %s\nagi_request: agi://127.0.0.1:4573/%s\n"
            + "agi_channel: Local/5551234@cp-inbound-00000009;2\nagi_language: en\nagi_type: Local\n"
            + "agi_uniqueid: %s\nagi_version: 22.10.1\nagi_callerid: %s\nagi_calleridname: Jane Doe\n"
            + "agi_callingpres: 0\nagi_callingani2: 0\nagi_callington: 0\nagi_callingtns: 0\nagi_dnid: unknown\n"
            + "agi_rdnis: unknown\nagi_context: cp-inbound\nagi_extension: 5551234\nagi_priority: 2\n"
            + "agi_enhanced: 0.0\nagi_accountcode: \nagi_threadid: 139943870211776\n\n";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private AgiConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code server} (a wildcard address, as a server bound to all interfaces reports, means 127.0.0.1). */
    public static AgiConnection connect(InetSocketAddress server) throws IOException {
        return connectFrom(server, null);
    }

    /** As {@link #connect}, from the given local (source) address, e.g. 127.0.0.2 ({@code null} = any). */
    public static AgiConnection connectFrom(InetSocketAddress server, String source) throws IOException {
        Socket s = new Socket();
        if (source != null) {
            s.bind(new InetSocketAddress(source, 0));
        }
        s.setTcpNoDelay(true);
        s.setSoTimeout(15_000);
        boolean wildcard = server.getAddress() == null || server.getAddress().isAnyLocalAddress();
        s.connect(wildcard ? new InetSocketAddress("127.0.0.1", server.getPort()) : server, 5_000);
        return new AgiConnection(s);
    }

    /** The environment block of the recorded session, for another script/caller/uniqueid. */
    public static String environment(String script, String callerId, String uniqueId) {
        return String.format(ENV, script, script, uniqueId, callerId);
    }

    /**
     * The environment block Asterisk 22 writes for a channel, in its order (LF line ends, a blank
     * line at the end); values are written as given.
     *
     * @param request {@code agi_request}, e.g. {@code agi://127.0.0.1:4573/route}
     */
    public static String environment(String script, String request, String channel, String uniqueId,
                                     String callerId, String callerName, String extension) {
        StringBuilder env = new StringBuilder(640);
        String[][] kv = {{"agi_network", "yes"}, {"agi_network_script", script}, {"agi_request", request},
            {"agi_channel", channel}, {"agi_language", "en"},
            {"agi_type", channel.indexOf('/') > 0 ? channel.substring(0, channel.indexOf('/')) : channel},
            {"agi_uniqueid", uniqueId}, {"agi_version", "22.10.1"}, {"agi_callerid", callerId},
            {"agi_calleridname", callerName}, {"agi_callingpres", "0"}, {"agi_callingani2", "0"},
            {"agi_callington", "0"}, {"agi_callingtns", "0"}, {"agi_dnid", "unknown"}, {"agi_rdnis", "unknown"},
            {"agi_context", "cp-inbound"}, {"agi_extension", extension}, {"agi_priority", "2"},
            {"agi_enhanced", "0.0"}, {"agi_accountcode", ""}, {"agi_threadid", "139943870211776"}};
        for (String[] p : kv) {
            env.append(p[0]).append(": ").append(p[1]).append('\n');
        }
        return env.append('\n').toString();
    }

    /** Sets the read timeout of {@link #readCommand()} (default 15 s). */
    public AgiConnection readTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
        return this;
    }

    public AgiConnection send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    public AgiConnection send(byte[] bytes) throws IOException {
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
