package com.callportrait.server.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Method + path pattern → handler and {@link Access}. Patterns are literal segments and
 * {@code {name}} segments ({@code /api/profiles/{phone}}); the first registered match wins. Every
 * path the HTTP server answers is registered here, also those answered by a handler in front of
 * the router (the screen-pop pages and WebSockets, {@link Builder#front}): the access gate checks
 * every request against this table, and {@link #routes()} lists it (the access test walks it,
 * so no path can be added without a stated access). Immutable once built.
 */
public final class Router {
    private final List<Route> routes;

    private Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A matched route and its path parameters.
     *
     * @param handler the route's handler; null for a route answered in front of the router
     * @param params  the path parameters
     * @param access  who may use it
     */
    public record Match(HttpHandler handler, Map<String, String> params, Access access) {
        /** True when a handler in front of the router answers this route. */
        public boolean front() {
            return handler == null;
        }
    }

    /**
     * One registered route, as listed by {@link #routes()}.
     *
     * @param method  HTTP method (GET also answers HEAD)
     * @param pattern the path pattern
     * @param access  who may use it
     * @param front   true when a handler in front of the router answers it
     */
    public record Entry(String method, String pattern, Access access, boolean front) {
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
                    return new Found(new Match(r.handler, params.get(), r.access));
                }
            }
        }
        return new NotFound(pathMatched ? 405 : 404);
    }

    /** Every registered route, in registration order. */
    public List<Entry> routes() {
        return routes.stream().map(r -> new Entry(r.method, "/" + String.join("/", r.pattern), r.access,
                r.handler == null)).toList();
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    private record Route(String method, String[] pattern, HttpHandler handler, Access access) {
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

        /** A GET route for supervisors and integrations ({@link Access#STAFF}). */
        public Builder get(String pattern, HttpHandler handler) {
            return route("GET", pattern, Access.STAFF, handler);
        }

        /** A GET route with the given access. */
        public Builder get(String pattern, Access access, HttpHandler handler) {
            return route("GET", pattern, access, handler);
        }

        /** A route for supervisors and integrations ({@link Access#STAFF}). */
        public Builder route(String method, String pattern, HttpHandler handler) {
            return route(method, pattern, Access.STAFF, handler);
        }

        public Builder route(String method, String pattern, Access access, HttpHandler handler) {
            return add(method, pattern, access, java.util.Objects.requireNonNull(handler, "handler"));
        }

        /**
         * A route answered by a handler in front of the router (pages, WebSockets): listed and
         * access-checked here, never dispatched by the router.
         */
        public Builder front(String method, String pattern, Access access) {
            return add(method, pattern, access, null);
        }

        private Builder add(String method, String pattern, Access access, HttpHandler handler) {
            if (!pattern.startsWith("/")) {
                throw new IllegalArgumentException("route pattern must start with /: " + pattern);
            }
            routes.add(new Route(method, split(pattern), handler, java.util.Objects.requireNonNull(access, "access")));
            return this;
        }

        public Router build() {
            return new Router(routes);
        }
    }
}
