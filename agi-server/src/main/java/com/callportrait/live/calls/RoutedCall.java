package com.callportrait.live.calls;

import com.callportrait.profile.CustomerProfile;
import java.util.Objects;
import java.util.Optional;

/**
 * What the route script knows when it has decided: the start of a live call. Immutable and
 * thread-safe.
 *
 * @param callId     CP_UUID
 * @param channel    {@code agi_channel}, the exact channel name (needed by QueueChangePriorityCaller)
 * @param uniqueId   {@code agi_uniqueid}
 * @param phone      normalised caller number ({@code ""} when unknown)
 * @param callerName {@code agi_calleridname}
 * @param queue      the queue routed to
 * @param priority   the QUEUE_PRIO given
 * @param segment    segment
 * @param vip        VIP flag
 * @param rule       which routing rules decided
 * @param profile    the portrait, when the caller is known
 */
public record RoutedCall(String callId, String channel, String uniqueId, String phone, String callerName,
                         String queue, int priority, String segment, boolean vip, String rule,
                         Optional<CustomerProfile> profile) {
    public RoutedCall {
        Objects.requireNonNull(callId, "callId");
        channel = channel == null ? "" : channel;
        uniqueId = uniqueId == null ? "" : uniqueId;
        phone = phone == null ? "" : phone;
        callerName = callerName == null ? "" : callerName;
        Objects.requireNonNull(queue, "queue");
        segment = segment == null ? "" : segment;
        rule = rule == null ? "" : rule;
        Objects.requireNonNull(profile, "profile");
    }
}
