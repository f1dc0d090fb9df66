package com.callportrait.bench;

import com.callportrait.events.CallEvent;
import com.callportrait.events.EventWriter;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.PhoneNumbers;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.ProfileStore;
import com.callportrait.routing.RoutingDecision;
import com.callportrait.routing.RulesSource;
import com.callportrait.routing.SetMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;

/**
 * The route script written the asterisk-java way, for the comparison: same store (blocking
 * {@code get} with the same budget), same rules, same variables and commands, same event. Runs on
 * asterisk-java's thread pool, one thread per session. Thread-safe.
 */
public final class AsteriskJavaRouteScript implements AgiScript {
    private final ProfileStore store;
    private final RulesSource rules;
    private final EventWriter events;
    private final Duration budget;
    private final SetMode mode;
    private final PhoneOptions phones;

    public AsteriskJavaRouteScript(ProfileStore store, RulesSource rules, EventWriter events, Duration budget,
                                   SetMode mode, PhoneOptions phones) {
        this.store = store;
        this.rules = rules;
        this.events = events;
        this.budget = budget;
        this.mode = mode;
        this.phones = phones;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String callId = UUID.randomUUID().toString();
        Optional<String> phone = PhoneNumbers.normalise(request.getCallerIdNumber(), phones);
        RoutingDecision d;
        if (phone.isEmpty()) {
            d = rules.current().decide(Optional.empty());
        } else {
            try {
                Optional<CustomerProfile> p = store.findByPhone(phone.get()).toCompletableFuture()
                        .get(budget.toNanos(), TimeUnit.NANOSECONDS);
                d = rules.current().decide(p);
            } catch (Exception e) {
                d = rules.current().degraded();
            }
        }
        Map<String, String> vars = d.channelVariables(callId);
        if (mode == SetMode.MSET) {
            channel.exec("MSet", vars.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(",")));
        } else {
            for (Map.Entry<String, String> e : vars.entrySet()) {
                channel.setVariable(e.getKey(), e.getValue());
            }
        }
        events.offer(new CallEvent("route", callId, request.getUniqueId(), phone.orElse(""), Instant.now(),
                Map.of("queue", d.queue(), "priority", Integer.toString(d.priority()), "rule", d.rule())));
    }
}
