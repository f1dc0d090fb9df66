package com.callportrait.route;

import com.callportrait.route.fastagi.AgiSession;
import com.callportrait.profile.CustomerProfile;
import java.util.Optional;

/**
 * Told of every routing decision after the variables are set (live call state starts here).
 * Runs on the session's event loop: must be quick and non-blocking; an exception is logged and
 * never affects the call.
 */
@FunctionalInterface
public interface RouteListener {
    RouteListener NONE = (s, p, d, pr) -> { };

    void routed(AgiSession session, String phone, RoutingDecision decision, Optional<CustomerProfile> profile);
}
