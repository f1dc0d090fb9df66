package com.callportrait.server.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Method + path pattern → handler. Patterns are literal segments and {@code {name}} segments
 * ({@code /api/profiles/{phone}}); the first registered match wins. Immutable once built.
 */
public final class Router {
    private final List<Route> routes;

    private Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A matched route and its path parameters. */
    public record Match(HttpHandler handler, Map<String, String> params) {
    }

    /** Result of routing: a match, or the status to answer (404 or 405). */
    public sealed interface Result permits Found, NotFound {
    }

    public record Found(Match match) implements Result {
    }

    public record NotFound(int status) implements Result {
    }

    public Result route(String method, String path) {
        String[] parts = split(path);
        boolean pathMatched = false;
        for (Route r : routes) {
            Optional<Map<String, String>> params = r.match(parts);
            if (params.isPresent()) {
                pathMatched = true;
                if (r.method.equals(method) || r.method.equals("GET") && method.equals("HEAD")) {
                    return new Found(new Match(r.handler, params.get()));
                }
            }
        }
        return new NotFound(pathMatched ? 405 : 404);
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    private record Route(String method, String[] pattern, HttpHandler handler) {
        Optional<Map<String, String>> match(String[] parts) {
            if (parts.length != pattern.length) {
                return Optional.empty();
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < parts.length; i++) {
                String seg = pattern[i];
                if (seg.startsWith("{") && seg.endsWith("}")) {
                    if (parts[i].isEmpty()) {
                        return Optional.empty();
                    }
                    params.put(seg.substring(1, seg.length() - 1), parts[i]);
                } else if (!seg.equals(parts[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(params);
        }
    }

    /** Collects routes; not thread-safe. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();

        private Builder() {
        }

        public Builder get(String pattern, HttpHandler handler) {
            return route("GET", pattern, handler);
        }

        public Builder route(String method, String pattern, HttpHandler handler) {
            if (!pattern.startsWith("/")) {
                throw new IllegalArgumentException("route pattern must start with /: " + pattern);
            }
            routes.add(new Route(method, split(pattern), handler));
            return this;
        }

        public Router build() {
            return new Router(routes);
        }
    }
}
