package com.callportrait.bench.agi;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.callportrait.events.CallEvent;
import com.callportrait.events.EventWriter;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.PhoneNumbers;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.ProfileStore;
import com.callportrait.route.RoutingDecision;
import com.callportrait.common.config.ReloadingFile;
import com.callportrait.route.RoutingRules;
import com.callportrait.route.SetMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route script written the asterisk-java way, for the comparison: same store (blocking
 * wait with the same budget, profile decoded on the session's thread), same rules, same variables and commands, same event. Runs on
 * asterisk-java's thread pool, one thread per session. Thread-safe.
 */
public final class AsteriskJavaRouteScript implements AgiScript {
    private static final Logger log = LoggerFactory.getLogger(AsteriskJavaRouteScript.class);
    private final ProfileStore store;
    private final ReloadingFile<RoutingRules> rules;
    private final EventWriter events;
    private final Duration budget;
    private final SetMode mode;
    private final PhoneOptions phones;
    private final java.util.concurrent.atomic.AtomicLong degraded = new java.util.concurrent.atomic.AtomicLong();

    public AsteriskJavaRouteScript(ProfileStore store, ReloadingFile<RoutingRules> rules, EventWriter events, Duration budget,
                                   SetMode mode, PhoneOptions phones) {
        this.store = store;
        this.rules = rules;
        this.events = events;
        this.budget = budget;
        this.mode = mode;
        this.phones = phones;
    }

    /** Calls routed on defaults so far. */
    public long degraded() {
        return degraded.get();
    }

    /**
     * Blocking lookup within the budget, with the profile decoded on this (the session's) thread,
     * as CallPortrait's route script decodes on its session's event loop: the store hands the
     * decode task to this thread instead of running it on the Redis client's I/O thread, so both
     * servers pay the same cost in the same place.
     */
    private Optional<CustomerProfile> lookup(String phone) throws Exception {
        java.util.concurrent.BlockingQueue<Runnable> here = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.CompletableFuture<Optional<CustomerProfile>> f = store.findByCanonicalPhone(phone, here::add)
                .toCompletableFuture();
        long deadline = System.nanoTime() + budget.toNanos();
        while (!f.isDone()) {
            Runnable task = here.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (task == null) {
                throw new java.util.concurrent.TimeoutException("no profile within " + budget.toMillis() + " ms");
            }
            task.run();
        }
        return f.get();
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String callId = UUID.randomUUID().toString();
        Optional<String> phone = PhoneNumbers.normalise(request.getCallerIdNumber(), phones);
        RoutingDecision d;
        long t0 = System.nanoTime();
        if (phone.isEmpty()) {
            d = rules.current().decide(Optional.empty());
        } else {
            try {
                d = rules.current().decide(lookup(phone.get()));
            } catch (Exception e) {
                degraded.incrementAndGet();
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
        // The same log line and the same event (every field) as CallPortrait's route script, so
        // both servers do the same work per call; asterisk-java's way: on the session's thread.
        int roundTrips = mode == SetMode.MSET ? 1 : vars.size();
        try (var m = com.callportrait.route.fastagi.CallMdc.of(callId, request.getUniqueId())) {
            log.info("routed {} {} {} {} {} {}", kv("queue", d.queue()), kv("priority", d.priority()), kv("rule", d.rule()),
                    kv("phone", PhoneNumbers.mask(phone.orElse(""))), kv("lookup_us", (System.nanoTime() - t0) / 1000),
                    kv("round_trips", roundTrips));
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("queue", d.queue());
        f.put("priority", Integer.toString(d.priority()));
        f.put("segment", d.segment());
        f.put("vip", d.vip() ? "1" : "0");
        f.put("lang", d.language());
        f.put("degraded", d.degraded() ? "1" : "0");
        f.put("customer", d.customerId());
        f.put("rule", d.rule());
        f.put("round_trips", Integer.toString(roundTrips));
        events.offer(new CallEvent("route", callId, request.getUniqueId(), phone.orElse(""), Instant.now(), f));
    }
}
