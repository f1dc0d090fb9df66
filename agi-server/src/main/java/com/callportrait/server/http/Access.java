package com.callportrait.server.http;

import com.callportrait.live.TokenService;
import com.callportrait.live.TokenService.Grant;
import com.callportrait.live.TokenService.Role;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who may use one HTTP route: nobody needs a token ({@link #PUBLIC}, for what holds no customer or
 * call data), or a valid token of one of {@code roles}; with {@code ownParam}, an agent token
 * only for the agent named by that path parameter ({@code /ws/agent/{agent}}). Finer scoping
 * inside a route (an agent sees only their own calls in {@code /api/calls} and only the
 * profiles of their own callers) is the route's own, as it needs the data. Immutable; thread-safe.
 *
 * @param roles    roles accepted; empty means public
 * @param ownParam the path parameter an agent token's name must equal, if any
 */
public record Access(Set<Role> roles, Optional<String> ownParam) {
    /** No token needed: liveness, readiness, metrics, static files, pages that hold no data. */
    public static final Access PUBLIC = new Access(Set.of(), Optional.empty());
    /** Supervisors and integrations: every call. */
    public static final Access STAFF = of(Role.SUPERVISOR, Role.SERVICE);

    public Access {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        Objects.requireNonNull(ownParam, "ownParam");
    }

    /** A valid token of any of {@code roles}. */
    public static Access of(Role first, Role... more) {
        return new Access(EnumSet.of(first, more), Optional.empty());
    }

    /**
     * A valid token of any of {@code roles}; an agent token only when its name equals the path
     * parameter {@code param}.
     */
    public static Access own(String param, Role first, Role... more) {
        return new Access(EnumSet.of(first, more), Optional.of(param));
    }

    /** True when no token is needed. */
    public boolean isPublic() {
        return roles.isEmpty();
    }

    /** Whether {@code grant} may use the route whose path parameters are {@code params}. */
    public boolean permits(Grant grant, Map<String, String> params) {
        if (isPublic()) {
            return true;
        }
        if (!roles.contains(grant.role())) {
            return false;
        }
        return grant.role() != TokenService.Role.AGENT || ownParam.isEmpty()
                || grant.name().equals(params.get(ownParam.get()));
    }

    @Override
    public String toString() {
        if (isPublic()) {
            return "public";
        }
        return roles.stream().map(Role::wireName).sorted().reduce((a, b) -> a + "," + b).orElse("")
                + ownParam.map(p -> " (agent: own {" + p + "} only)").orElse("");
    }
}
