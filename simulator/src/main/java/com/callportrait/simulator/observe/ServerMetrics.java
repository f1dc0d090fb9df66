package com.callportrait.simulator.observe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads the application's Prometheus page ({@code GET /metrics}) as any monitoring system would:
 * the live calls ({@code cp_calls_live}) and whether it is logged in to AMI
 * ({@code cp_ami_connected}). Thread-safe; holds one HTTP client (its selector thread ends when
 * the instance is collected).
 */
public final class ServerMetrics {
    /** Live calls in the application's call state. */
    public static final String LIVE_CALLS = "cp_calls_live";
    /** 1 when the application is logged in to AMI. */
    public static final String AMI_CONNECTED = "cp_ami_connected";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI uri;

    private ServerMetrics(URI uri) {
        this.uri = uri;
    }

    /** The metrics of the HTTP server at {@code http} (a wildcard address means loopback). */
    public static ServerMetrics of(InetSocketAddress http) {
        String host = http.getAddress() == null || http.getAddress().isAnyLocalAddress() ? "127.0.0.1"
                : http.getAddress().getHostAddress();
        return new ServerMetrics(URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + http.getPort() + "/metrics"));
    }

    /** The value of an unlabelled meter, or NaN when the page does not list it. */
    public double value(String name) {
        String body;
        try {
            body = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + uri, e);
        }
        for (String line : body.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        return Double.NaN;
    }

    /** Calls in the application's live call state ({@code -1} when not readable). */
    public int liveCalls() {
        try {
            double v = value(LIVE_CALLS);
            return Double.isNaN(v) ? -1 : (int) v;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** True when the application reports being logged in to AMI. */
    public boolean amiConnected() {
        try {
            return value(AMI_CONNECTED) == 1.0;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
