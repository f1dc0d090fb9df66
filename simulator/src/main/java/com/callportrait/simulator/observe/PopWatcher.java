package com.callportrait.simulator.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Agent pages without a browser: one {@code java.net.http} WebSocket per agent on
 * {@code /ws/agent/{agent}}, recording when each call's screen pop (state connected) and each
 * message arrived. Thread-safe.
 */
public final class PopWatcher implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Long> connectedPops = new ConcurrentHashMap<>();
    private final Map<String, String> popJson = new ConcurrentHashMap<>();
    private final Map<String, WebSocket> byAgent = new ConcurrentHashMap<>();
    private final Map<String, List<String>> types = new ConcurrentHashMap<>();
    /** Per call, the agent of every pop with state connected, in order (a re-send shows up twice). */
    private final Map<String, List<String>> connectedPopAgents = new ConcurrentHashMap<>();
    private final List<WebSocket> sockets = new ArrayList<>();
    private final boolean history;

    private PopWatcher(boolean history) {
        this.history = history;
    }

    /** Connects agent1..agentN with tokens from {@code token}. */
    public static PopWatcher connect(int httpPort, int agents, Function<String, String> token) throws Exception {
        return connect(httpPort, agents, token, true);
    }

    /**
     * As above; with {@code history} false only the pop arrival times are kept (no message types or
     * pop JSON), and {@link #forget} drops them: long runs, where the watcher must not grow.
     */
    public static PopWatcher connect(int httpPort, int agents, Function<String, String> token, boolean history)
            throws Exception {
        PopWatcher w = new PopWatcher(history);
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 1; i <= agents; i++) {
            String agent = "agent" + i;
            WebSocket ws = client.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + httpPort
                    + "/ws/agent/" + agent + "?token=" + token.apply(agent)), w.new Listener(agent))
                    .get(10, TimeUnit.SECONDS);
            w.sockets.add(ws);
            w.byAgent.put(agent, ws);
        }
        return w;
    }

    /** When the pop of {@code callId} with state connected arrived ({@link System#nanoTime()}), or -1. */
    public long connectedPopNanos(String callId) {
        return connectedPops.getOrDefault(callId, -1L);
    }

    /** The JSON of the call's connected pop, or null. */
    public String popJson(String callId) {
        return popJson.get(callId);
    }

    /** The agents whose page got a connected pop of {@code callId}, one entry per pop (history only). */
    public List<String> connectedPopAgents(String callId) {
        return List.copyOf(connectedPopAgents.getOrDefault(callId, List.of()));
    }

    /** Forgets what was recorded for a finished call (long runs: the watcher must not grow). */
    public void forget(String callId) {
        connectedPops.remove(callId);
        popJson.remove(callId);
        types.remove(callId);
        connectedPopAgents.remove(callId);
    }

    /** Sends a text frame as the agent's page would (e.g. a disposition). */
    public void send(String agent, String text) throws Exception {
        byAgent.get(agent).sendText(text, true).get(5, TimeUnit.SECONDS);
    }

    /** Message types received for a call, in order. */
    public List<String> types(String callId) {
        return types.getOrDefault(callId, List.of());
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final String agent;

        Listener(String agent) {
            this.agent = agent;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                try {
                    JsonNode n = JSON.readTree(partial.toString());
                    String call = n.path("call").asText();
                    String type = n.path("type").asText();
                    if (history) {
                        types.computeIfAbsent(call, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(type);
                    }
                    if (type.equals("pop") && n.path("state").asText().equals("connected")) {
                        connectedPops.putIfAbsent(call, now);
                        if (history) {
                            popJson.putIfAbsent(call, partial.toString());
                            connectedPopAgents.computeIfAbsent(call,
                                    k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(agent);
                        }
                    }
                } catch (Exception e) {
                    // not JSON: ignore
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        for (WebSocket s : sockets) {
            s.abort();
        }
    }
}
