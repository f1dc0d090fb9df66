package com.callportrait.simulator.agi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One whole FastAGI session as Asterisk runs it, over an {@link AgiConnection}: connects, writes the
 * environment block in Asterisk's order, answers each command with what Asterisk would
 * ({@code EXEC MSet} → {@code 200 result=0}, {@code SET VARIABLE} → {@code 200 result=1},
 * {@code GET VARIABLE} → the value set earlier or {@code 200 result=0}, {@code GET DATA} → the
 * digits scripted for it), and ends when the server closes the socket. Stateless; blocking, one
 * session per calling thread.
 */
public final class AgiCaller {
    private AgiCaller() {
    }

    /**
     * Runs the {@code script} session for a caller; returns the channel variables the server set
     * (CP_UUID, CP_QUEUE, CP_PRIORITY...).
     *
     * @param dtmf             digits to answer a {@code GET DATA} with ({@code ""} = timeout)
     * @param presetVariables  channel variables that exist before the session (e.g. CP_UUID for the survey)
     */
    public static Map<String, String> run(InetSocketAddress agi, String script, String channel, String uniqueId,
                                          String callerId, String callerName, String dtmf,
                                          Map<String, String> presetVariables) throws IOException {
        Map<String, String> vars = new LinkedHashMap<>(presetVariables);
        try (AgiConnection s = AgiConnection.connect(agi)) {
            s.send(AgiConnection.environment(script, "agi://" + agi.getHostString() + ":" + agi.getPort() + "/" + script,
                    channel, uniqueId, callerId.isEmpty() ? "unknown" : callerId,
                    callerName.isEmpty() ? "unknown" : callerName, callerId));
            String cmd;
            while ((cmd = s.readCommand()) != null) {
                s.send(answer(cmd.strip(), vars, dtmf) + "\n");
            }
        }
        return vars;
    }

    static String answer(String cmd, Map<String, String> vars, String dtmf) {
        String upper = cmd.toUpperCase(Locale.ROOT);
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
