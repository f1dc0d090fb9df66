package com.callportrait.server.http;

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
 */
public record HttpCall(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
                       Map<String, String> headers) {
    public HttpCall {
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
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
