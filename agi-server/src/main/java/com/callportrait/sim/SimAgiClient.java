package com.callportrait.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One FastAGI session as Asterisk runs it: connects, writes the environment block in Asterisk's
 * order (LF line ends, blank line at the end), answers each command with what Asterisk would
 * ({@code EXEC MSet} → {@code 200 result=0}, {@code SET VARIABLE} → {@code 200 result=1},
 * {@code GET VARIABLE} → the value set earlier or {@code 200 result=0}, {@code GET DATA} → the
 * digits scripted for it), and ends when the server closes the socket. Blocking; one per thread.
 */
public final class SimAgiClient {
    private SimAgiClient() {
    }

    /**
     * Runs the {@code script} session for a caller; returns the channel variables the server set
     * (CP_UUID, CP_QUEUE, CP_PRIORITY...).
     *
     * @param dtmf digits to answer a {@code GET DATA} with ({@code ""} = timeout)
     */
    public static Map<String, String> run(InetSocketAddress agi, String script, String channel, String uniqueId,
                                          String callerId, String callerName, String dtmf,
                                          Map<String, String> presetVariables) throws IOException {
        Map<String, String> vars = new LinkedHashMap<>(presetVariables);
        try (Socket s = new Socket()) {
            s.connect(agi, 2000);
            s.setTcpNoDelay(true);
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            StringBuilder env = new StringBuilder();
            for (String[] kv : List.of(new String[] {"agi_network", "yes"}, new String[] {"agi_network_script", script},
                    new String[] {"agi_request", "agi://" + agi.getHostString() + ":" + agi.getPort() + "/" + script},
                    new String[] {"agi_channel", channel}, new String[] {"agi_language", "en"},
                    new String[] {"agi_type", channel.substring(0, channel.indexOf('/'))},
                    new String[] {"agi_uniqueid", uniqueId}, new String[] {"agi_version", "22.10.1"},
                    new String[] {"agi_callerid", callerId.isEmpty() ? "unknown" : callerId},
                    new String[] {"agi_calleridname", callerName.isEmpty() ? "unknown" : callerName},
                    new String[] {"agi_callingpres", "0"}, new String[] {"agi_callingani2", "0"},
                    new String[] {"agi_callington", "0"}, new String[] {"agi_callingtns", "0"},
                    new String[] {"agi_dnid", "unknown"}, new String[] {"agi_rdnis", "unknown"},
                    new String[] {"agi_context", "cp-inbound"}, new String[] {"agi_extension", callerId},
                    new String[] {"agi_priority", "2"}, new String[] {"agi_enhanced", "0.0"},
                    new String[] {"agi_accountcode", ""}, new String[] {"agi_threadid", "139943870211776"})) {
                env.append(kv[0]).append(": ").append(kv[1]).append('\n');
            }
            out.write(env.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String cmd;
            while ((cmd = in.readLine()) != null) {
                out.write((answer(cmd, vars, dtmf) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
        return vars;
    }

    static String answer(String cmd, Map<String, String> vars, String dtmf) {
        String upper = cmd.toUpperCase();
        if (upper.startsWith("EXEC MSET ")) {
            for (String pair : unquote(cmd.substring("EXEC MSet ".length())).split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    vars.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            return "200 result=0";
        }
        if (upper.startsWith("SET VARIABLE ")) {
            String[] p = cmd.substring("SET VARIABLE ".length()).split(" ", 2);
            vars.put(p[0], p.length > 1 ? unquote(p[1]) : "");
            return "200 result=1";
        }
        if (upper.startsWith("GET VARIABLE ")) {
            String v = vars.get(cmd.substring("GET VARIABLE ".length()).trim());
            return v == null ? "200 result=0" : "200 result=1 (" + v + ")";
        }
        if (upper.startsWith("GET DATA ")) {
            return dtmf.isEmpty() ? "200 result= (timeout)" : "200 result=" + dtmf;
        }
        return "510 Invalid or unknown command";
    }

    private static String unquote(String s) {
        s = s.trim();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
