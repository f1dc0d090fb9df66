package com.callportrait.live.calls;

import com.callportrait.profile.CustomerProfile;
import java.time.Instant;
import java.util.Optional;

/**
 * The setters a {@link CallRegistry#update} change may use, valid only inside that change
 * (the registry holds the call's monitor then). Not thread-safe; never keep a reference.
 */
public final class LiveCallView {
    private final LiveCall call;

    LiveCallView(LiveCall call) {
        this.call = call;
    }

    LiveCall call() {
        return call;
    }

    public LiveCallView channel(String channel, String uniqueId, String linkedId) {
        if (!channel.isEmpty()) {
            call.channel = channel;
        }
        if (!uniqueId.isEmpty()) {
            call.uniqueId = uniqueId;
        }
        if (!linkedId.isEmpty()) {
            call.linkedId = linkedId;
        }
        return this;
    }

    public LiveCallView caller(String phone, String name) {
        if (call.phone.isEmpty()) {
            call.phone = phone;
        }
        if (call.callerName.isEmpty()) {
            call.callerName = name;
        }
        return this;
    }

    public LiveCallView state(CallState s) {
        call.state = s;
        return this;
    }

    public LiveCallView queue(String queue, int position, Instant now) {
        call.queue = queue;
        call.position = position;
        if (call.queuedAt == null) {
            call.queuedAt = now;
        }
        return this;
    }

    public LiveCallView position(int position) {
        call.position = position;
        return this;
    }

    public LiveCallView priority(int priority) {
        call.priority = priority;
        return this;
    }

    public LiveCallView agent(String agent) {
        call.agent = agent;
        return this;
    }

    public LiveCallView connected(Instant now) {
        call.state = CallState.CONNECTED;
        call.position = 0;
        if (call.connectedAt == null) {
            call.connectedAt = now;
        }
        return this;
    }

    public LiveCallView profile(Optional<CustomerProfile> p) {
        if (p.isPresent()) {
            call.profile = p;
        }
        return this;
    }

    public CallState state() {
        return call.state;
    }
}
