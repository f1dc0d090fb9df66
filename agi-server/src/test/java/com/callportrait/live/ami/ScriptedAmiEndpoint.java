package com.callportrait.live.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A tiny blocking TCP AMI endpoint for tests: writes the banner, then for every action the
 * client sends asks {@code reply} for the bytes to write back. Records the actions received.
 */
final class ScriptedAmiEndpoint implements AutoCloseable {
    final ServerSocket server;
    final List<AmiMessage> received = new CopyOnWriteArrayList<>();
    final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final BiFunction<AmiMessage, OutputStream, Boolean> reply;

    /** {@code reply} writes the answer to the stream; returns false to close the connection. */
    ScriptedAmiEndpoint(BiFunction<AmiMessage, OutputStream, Boolean> reply) throws IOException {
        this.reply = reply;
        this.server = new ServerSocket(0);
        Thread t = new Thread(this::accept, "scripted-ami");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "scripted-ami-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            OutputStream out = s.getOutputStream();
            out.write("Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    lines.add(line);
                    continue;
                }
                if (lines.isEmpty()) {
                    continue;
                }
                List<String> kv = new ArrayList<>();
                for (String l : lines) {
                    int c = l.indexOf(':');
                    kv.add(l.substring(0, c));
                    kv.add(l.substring(c + 1).strip());
                }
                lines.clear();
                AmiMessage action = AmiMessage.of(kv.toArray(String[]::new));
                received.add(action);
                boolean keep;
                synchronized (out) {
                    keep = reply.apply(action, out);
                    out.flush();
                }
                if (!keep) {
                    return;
                }
            }
        } catch (IOException e) {
            // client went away
        }
    }

    /** Drops every open connection (the client should reconnect). */
    void dropConnections() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        sockets.clear();
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }
}
