package com.callportrait.route;

import com.callportrait.route.fastagi.AgiCommands;
import com.callportrait.route.fastagi.AgiReply;
import com.callportrait.route.fastagi.AgiScript;
import com.callportrait.route.fastagi.AgiSession;
import com.callportrait.route.fastagi.CallMdc;
import com.callportrait.events.EventWriter;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.PhoneNumbers;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.ProfileStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code route} FastAGI script: normalises {@code agi_callerid}, reads the profile within the
 * time budget, lets the {@link RoutingRules} decide, sets the {@code CP_*} variables (one
 * {@code EXEC MSet} round trip, or one {@code SET VARIABLE} each in {@link SetMode#SET}), appends a
 * {@code route} event, then ends. Fail-open: a lookup that fails or misses the budget gives
 * default routing with {@code CP_DEGRADED=1}.
 *
 * <p>Stateless per call and thread-safe; everything after the lookup runs on the session's event
 * loop and never blocks it. Lifecycle: {@link #close()} after the FastAGI server has closed and
 * before the event writer does, so the last calls' log lines and events are written.
 */
public final class RouteScript implements AgiScript, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RouteScript.class);

    private final ProfileStore store;
    private final Supplier<RoutingRules> rules;
    private final RouteMetrics metrics;
    private final Duration budget;
    private final SetMode setMode;
    private final PhoneOptions phoneOptions;
    private final UnknownTiers unknownTiers = new UnknownTiers();
    private final RouteJournal journal;
    private volatile RouteListener listener = RouteListener.NONE;

    private RouteScript(ProfileStore store, Supplier<RoutingRules> rules, EventWriter events, RouteMetrics metrics,
                        Duration budget, SetMode setMode, PhoneOptions phoneOptions) {
        this.store = store;
        this.rules = rules;
        this.metrics = metrics;
        this.budget = budget;
        this.setMode = setMode;
        this.phoneOptions = phoneOptions;
        this.journal = new RouteJournal(events);
    }

    public static RouteScript create(ProfileStore store, Supplier<RoutingRules> rules, EventWriter events, RouteMetrics metrics,
                                     Duration budget, SetMode setMode, PhoneOptions phoneOptions) {
        return new RouteScript(store, rules, events, metrics, budget, setMode, phoneOptions);
    }

    /** Tells {@code l} of every decision (live call state hooks in here); returns this script. */
    public RouteScript onRouted(RouteListener l) {
        this.listener = java.util.Objects.requireNonNull(l, "listener");
        return this;
    }

    /** The outcome of the profile lookup. */
    private record Lookup(Optional<CustomerProfile> profile, String failure) {
    }

    @Override
    public CompletionStage<?> run(AgiSession session) {
        Optional<String> phone = PhoneNumbers.normalise(session.request().callerId(), phoneOptions);
        long t0 = System.nanoTime();
        CompletionStage<Lookup> lookup = phone.isEmpty()
                ? CompletableFuture.completedFuture(new Lookup(Optional.empty(), null))
                : lookupWithinBudget(session, phone.get());
        return lookup.thenCompose(l -> {
            long lookupNanos = System.nanoTime() - t0;
            if (phone.isPresent()) {
                metrics.lookup(lookupNanos);
            }
            RoutingRules r = rules.get();
            RoutingDecision d = l.failure() == null ? r.decide(l.profile()) : r.degraded();
            l.profile().ifPresent(p -> unknownTiers.check(r, p.tier()));
            if (l.failure() != null) {
                metrics.degraded(l.failure().startsWith("timeout") ? "timeout" : "redis_error");
            }
            return setVariables(session, d.channelVariables(session.callId()))
                    .thenAccept(ok -> {
                        finish(session, phone.orElse(""), d, l.failure(), lookupNanos);
                        tellListener(session, phone.orElse(""), d, l.profile());
                    });
        });
    }

    private CompletionStage<Lookup> lookupWithinBudget(AgiSession session, String phone) {
        CompletableFuture<Lookup> result = new CompletableFuture<>();
        ScheduledFuture<?> timer = session.executor().schedule(() -> result.complete(new Lookup(Optional.empty(),
                "timeout: no profile within " + budget.toMillis() + " ms")), budget.toNanos(), TimeUnit.NANOSECONDS);
        CompletionStage<Optional<CustomerProfile>> found;
        try {
            // The store decodes and completes on the session's event loop, not on the Redis
            // client's single I/O thread, so that thread only moves bytes and the rest of the call
            // (rules, MSet, event) continues here without another hop.
            found = store.findByCanonicalPhone(phone, session.executor());
        } catch (RuntimeException e) {
            found = CompletableFuture.failedFuture(e);
        }
        found.whenComplete((p, e) -> {
            timer.cancel(false);
            result.complete(e == null ? new Lookup(p, null)
                    : new Lookup(Optional.empty(), "profile store error: " + rootMessage(e)));
        });
        return result;
    }

    private CompletionStage<Void> setVariables(AgiSession session, Map<String, String> vars) {
        if (setMode == SetMode.SET) {
            return setEach(session, vars.entrySet().iterator());
        }
        return session.send(AgiCommands.mset(vars)).thenCompose(reply -> {
            if (reply.ok() && reply.result() != -2) {
                return CompletableFuture.completedFuture(null);
            }
            // MSet missing (result=-2) or EXEC refused: fall back to one SET VARIABLE per variable.
            try (var m = CallMdc.of(session.callId(), session.request().uniqueId())) {
                log.warn("EXEC MSet refused ({}); falling back to SET VARIABLE", reply.lines().get(0));
            }
            return setEach(session, new LinkedHashMap<>(vars).entrySet().iterator());
        });
    }

    private CompletionStage<Void> setEach(AgiSession session, Iterator<Map.Entry<String, String>> it) {
        if (!it.hasNext()) {
            return CompletableFuture.completedFuture(null);
        }
        Map.Entry<String, String> e = it.next();
        return session.send(AgiCommands.setVariable(e.getKey(), e.getValue())).thenCompose(r -> {
            warnIfRefused(session, e.getKey(), r);
            return setEach(session, it);
        });
    }

    private static void warnIfRefused(AgiSession session, String name, AgiReply r) {
        if (!r.ok() || r.result() != 1) {
            try (var m = CallMdc.of(session.callId(), session.request().uniqueId())) {
                log.warn("SET VARIABLE {} refused: {}", name, r.lines().get(0));
            }
        }
    }

    private void finish(AgiSession session, String phone, RoutingDecision d, String failure, long lookupNanos) {
        int trips = session.roundTrips();
        metrics.decided(trips);
        journal.offer(new RouteJournal.Entry(session.callId(), session.request().uniqueId(), phone, d, failure,
                lookupNanos, trips, Instant.now()));
    }

    private void tellListener(AgiSession session, String phone, RoutingDecision d, Optional<CustomerProfile> p) {
        try {
            listener.routed(session, phone, d, p);
        } catch (RuntimeException e) {
            log.warn("route listener failed: {}", e.toString(), e);
        }
    }

    /** Writes the log lines and events still queued and stops the journal thread. */
    @Override
    public void close() {
        journal.close();
    }

    /**
     * Enough to correlate, not enough to identify: {@link PhoneNumbers#mask} (the last four digits;
     * a Chinese mobile as {@code 138****8000}).
     */
    static String mask(String phone) {
        return PhoneNumbers.mask(phone);
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && (c instanceof java.util.concurrent.CompletionException
                || c instanceof java.util.concurrent.ExecutionException)) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }
}
