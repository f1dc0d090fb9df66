package com.callportrait.server.http;

import com.callportrait.live.TokenService;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a handler sees it. Thread-safe; immutable except the query's value lists, which
 * are not copied and must not be changed.
 *
 * @param method     upper-case HTTP method
 * @param path       decoded path without query
 * @param pathParams values of the route's {@code {name}} segments
 * @param query      query parameters
 * @param headers    request headers, names lower-case (first value of each)
 * @param grant      who the request's valid token speaks for (empty on a public route without one)
 */
public record HttpCall(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
                       Map<String, String> headers, Optional<TokenService.Grant> grant) {
    public HttpCall {
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        java.util.Objects.requireNonNull(grant, "grant");
    }

    /** A call without a token. */
    public HttpCall(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
                    Map<String, String> headers) {
        this(method, path, pathParams, query, headers, Optional.empty());
    }

    /** A path parameter the route declared. */
    public String param(String name) {
        String v = pathParams.get(name);
        if (v == null) {
            throw new IllegalArgumentException("route has no parameter {" + name + "}");
        }
        return v;
    }

    /** First value of a query parameter. */
    public Optional<String> queryParam(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }
}
