package com.callportrait.route;

import com.callportrait.route.fastagi.AgiCommands;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where one call goes and how it is greeted: the values of the {@code CP_*} channel variables.
 * Values are sanitised to the MSet-safe character set in the constructor. Immutable and
 * thread-safe.
 *
 * @param queue      Asterisk queue name ({@code CP_QUEUE})
 * @param priority   {@code QUEUE_PRIO} for {@code Queue()}, higher is answered first ({@code CP_PRIORITY})
 * @param segment    portrait segment, {@code unknown} for unknown callers ({@code CP_SEGMENT})
 * @param vip        {@code CP_VIP} 1/0
 * @param language   {@code CP_LANG}
 * @param greeting   prompt name for the dialplan ({@code CP_GREETING})
 * @param degraded   true when the profile could not be read in time ({@code CP_DEGRADED})
 * @param customerId CRM id, {@code ""} for unknown callers ({@code CP_CUSTOMER_ID})
 * @param rule       which rules decided, e.g. {@code priority:platinum,topic:billing}
 */
public record RoutingDecision(String queue, int priority, String segment, boolean vip, String language,
                              String greeting, boolean degraded, String customerId, String rule) {

    public RoutingDecision {
        queue = AgiCommands.safeValue(Objects.requireNonNull(queue, "queue"));
        if (queue.isEmpty()) {
            throw new IllegalArgumentException("queue must not be empty");
        }
        segment = AgiCommands.safeValue(Objects.requireNonNull(segment, "segment"));
        language = AgiCommands.safeValue(Objects.requireNonNull(language, "language"));
        greeting = AgiCommands.safeValue(Objects.requireNonNull(greeting, "greeting"));
        customerId = AgiCommands.safeValue(customerId == null ? "" : customerId);
        Objects.requireNonNull(rule, "rule");
    }

    /** The channel variables to set, in a fixed order, with this call's {@code CP_UUID}. */
    public Map<String, String> channelVariables(String callId) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("CP_UUID", callId);
        v.put("CP_QUEUE", queue);
        v.put("CP_PRIORITY", Integer.toString(priority));
        v.put("CP_SEGMENT", segment);
        v.put("CP_VIP", vip ? "1" : "0");
        v.put("CP_LANG", language);
        v.put("CP_GREETING", greeting);
        v.put("CP_DEGRADED", degraded ? "1" : "0");
        v.put("CP_CUSTOMER_ID", customerId);
        return v;
    }
}
