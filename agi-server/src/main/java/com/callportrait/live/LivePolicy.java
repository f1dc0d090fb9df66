package com.callportrait.live;

import com.callportrait.live.ami.AmiAction;
import com.callportrait.live.ami.AmiNotConnectedException;
import com.callportrait.live.ami.AmiResponse;
import com.callportrait.live.calls.ActionRecord;
import com.callportrait.live.calls.CallChange;
import com.callportrait.live.calls.CallListener;
import com.callportrait.live.calls.CallRegistry;
import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.live.calls.CallState;
import com.callportrait.events.CallEvent;
import com.callportrait.events.EventWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@link LiveRules} to live calls: on every change of a call and once a second for
 * waiting callers (wait-time rules). A rule acts once per call ({@link CallRegistry#markFired});
 * a call is redirected at most once whatever the rules say, and its queue priority is raised to a
 * given level at most once (two rules matching the same upset caller send one
 * {@code QueueChangePriorityCaller}); actions are rate-limited (globally and per call) and audited
 * as {@code type=action} events naming the rule and the evidence: the reading that triggered it
 * (utterance, label, confidence, escalation) and the call's intent.
 * Idempotency lives with the call, not the AMI connection: a reconnect never repeats an action.
 * While AMI is not ready (disconnected, or logged in but not yet re-synchronised) rules that need
 * AMI are not tried at all: they neither use the call's action budget nor write a failed action,
 * and fire once on the first evaluation after the state is re-synchronised, if they still match.
 * An action that could not be written at all (the connection went down between the check and the
 * write) is released the same way; one that was written is never sent again, even when its
 * reply was lost with the connection.
 *
 * <p>Several instances may watch one Asterisk: each action is then also claimed in
 * {@link ActionClaims} (Redis, per call and rule) before it is sent, and only the instance that
 * wins the claim sends it. When the claim store does not answer, the fail-safe is: a redirect is
 * not sent (it is tried again on a later evaluation, so it is late rather than doubled); a
 * priority change (absolute, so a second one changes nothing) and an alert are sent under this
 * instance's own guard. Routing never waits for a claim.
 *
 * <p>Thread-safe. Lifecycle: {@link #create}, {@link #start} (the ticker, on the shared scheduler), {@link #close()}.
 */
public final class LivePolicy implements CallListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LivePolicy.class);
    private static final String REDIRECTED = "__redirected";

    private final CallRegistry calls;
    private final Supplier<LiveRules> rules;
    private final Function<AmiAction, CompletionStage<AmiResponse>> ami;
    private final EventWriter events;
    private final AlertSink alerts;
    private final Timer actionLatency;
    private final MeterRegistry registry;
    private final java.util.function.BooleanSupplier amiReady;
    private volatile ScheduledFuture<?> ticker;
    private volatile ActionClaims claims = ActionClaims.LOCAL;
    private volatile RateLimiter limiter;
    private volatile LiveRules.RateLimit limiterFor;

    private LivePolicy(CallRegistry calls, Supplier<LiveRules> rules, Function<AmiAction, CompletionStage<AmiResponse>> ami,
                       EventWriter events, AlertSink alerts, MeterRegistry registry,
                       java.util.function.BooleanSupplier amiReady) {
        this.calls = calls;
        this.amiReady = amiReady;
        this.rules = rules;
        this.ami = ami;
        this.events = events;
        this.alerts = alerts;
        this.registry = registry;
        this.actionLatency = Timer.builder("cp.live.action.latency")
                .description("from the call change that triggered a rule to the AMI reply")
                .publishPercentileHistogram().register(registry);
    }

    /**
     * @param ami sends an AMI action (the AMI client's {@code send}); fails when AMI is not configured
     */
    public static LivePolicy create(CallRegistry calls, Supplier<LiveRules> rules,
                                    Function<AmiAction, CompletionStage<AmiResponse>> ami, EventWriter events,
                                    AlertSink alerts, MeterRegistry registry) {
        return new LivePolicy(calls, rules, ami, events, alerts, registry, () -> true);
    }

    /**
     * As above; {@code amiReady} says whether AMI actions can be decided now (logged in and the
     * call state re-synchronised); while false, rules that send an AMI action wait.
     */
    public static LivePolicy create(CallRegistry calls, Supplier<LiveRules> rules,
                                    Function<AmiAction, CompletionStage<AmiResponse>> ami, EventWriter events,
                                    AlertSink alerts, MeterRegistry registry,
                                    java.util.function.BooleanSupplier amiReady) {
        return new LivePolicy(calls, rules, ami, events, alerts, registry, amiReady);
    }

    /**
     * Claims every action in {@code claims} before sending it (instances sharing one Asterisk);
     * {@link ActionClaims#LOCAL} (the default) when this process is alone. Call before {@link #start}.
     */
    public LivePolicy claimingIn(ActionClaims claims) {
        this.claims = java.util.Objects.requireNonNull(claims, "claims");
        return this;
    }

    /**
     * Evaluates waiting and connected calls once a second on {@code scheduler} (the application's
     * shared one: a tick walks the live calls in memory and never blocks; AMI actions are async).
     */
    public LivePolicy start(ScheduledExecutorService scheduler) {
        ticker = scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    @Override
    public void onChange(CallSnapshot call, CallChange change) {
        if (change != CallChange.ENDED && change != CallChange.ACTION && change != CallChange.TRANSCRIPT) {
            evaluate(call, System.nanoTime());
        }
    }

    /** Evaluates every waiting or connected call (time-based conditions). */
    void tick() {
        try {
            for (CallSnapshot c : calls.all()) {
                if (c.state() != CallState.ROUTED) {
                    evaluate(c, System.nanoTime());
                }
            }
        } catch (RuntimeException e) {
            log.warn("live policy tick failed: {}", e.toString(), e);
        }
    }

    /** Runs the rules for one call now. */
    public void evaluate(CallSnapshot c, long triggeredNanos) {
        LiveRules r = rules.get();
        Instant now = calls.clock().instant();
        for (LiveRules.Rule rule : r.rules()) {
            if (c.firedRules().contains(rule.name()) || !rule.matches(c, now, r.evidence())) {
                continue;
            }
            boolean redirect = rule.then().redirect() != null;
            Integer raise = rule.then().raisePriority();
            if (redirect && c.firedRules().contains(REDIRECTED) || raise != null && c.priority() >= raise) {
                continue;
            }
            if (rule.then().alert() == null && !amiReady.getAsBoolean()) {
                registry.counter("cp.live.actions.deferred").increment();
                continue;
            }
            if (c.actions().size() >= r.rateLimit().perCallMax() || !limiter(r.rateLimit()).tryAcquire()) {
                registry.counter("cp.live.actions.rate_limited").increment();
                continue;
            }
            if (raise != null && !calls.claimPriority(c.callId(), raise)) {
                continue; // another rule has raised it (or is raising it) this high already
            }
            if (!calls.markFired(c.callId(), rule.name())) {
                release(c.callId(), null, false, raise);
                continue;
            }
            if (redirect && !calls.markFired(c.callId(), REDIRECTED)) {
                continue;
            }
            claimThenAct(c, rule, Evidence.of(c, rule, r.evidence(), now), triggeredNanos);
        }
    }

    /** Acts once this instance has won the action's claim (see the class comment for the fail-safe). */
    private void claimThenAct(CallSnapshot c, LiveRules.Rule rule, Evidence evidence, long t0) {
        boolean redirect = rule.then().redirect() != null;
        java.util.List<String> names = redirect ? java.util.List.of(rule.name(), REDIRECTED) : java.util.List.of(rule.name());
        CompletionStage<ActionClaims.Outcome> claim;
        try {
            claim = claims.claim(c, names);
        } catch (RuntimeException e) {
            claim = CompletableFuture.completedFuture(ActionClaims.Outcome.UNAVAILABLE);
        }
        claim.whenComplete((o, e) -> {
            ActionClaims.Outcome outcome = e != null || o == null ? ActionClaims.Outcome.UNAVAILABLE : o;
            switch (outcome) {
                case WON -> act(c, rule, evidence, t0, names);
                case LOST -> {
                    registry.counter("cp.live.actions.claimed.elsewhere").increment();
                    log.debug("live action {} for call {} claimed by another instance", rule.name(), c.callId());
                }
                case UNAVAILABLE -> {
                    if (redirect) {
                        release(c.callId(), rule.name(), true, null);
                        registry.counter("cp.live.actions.deferred").increment();
                        log.warn("live redirect {} for call {} not sent: the claim store did not answer (tried"
                                + " again on the next evaluation)", rule.name(), c.callId());
                    } else {
                        act(c, rule, evidence, t0, names);
                    }
                }
                default -> { }
            }
        });
    }

    private RateLimiter limiter(LiveRules.RateLimit rl) {
        if (limiterFor != rl) {
            synchronized (this) {
                if (limiterFor != rl) {
                    limiter = new RateLimiter(rl.actionsPerSecond());
                    limiterFor = rl;
                }
            }
        }
        return limiter;
    }

    private void act(CallSnapshot c, LiveRules.Rule rule, Evidence evidence, long t0, java.util.List<String> claimed) {
        LiveRules.Then then = rule.then();
        String kind = then.kind();
        if (then.alert() != null) {
            alerts.alert(c, rule.name(), then.alert());
            done(c, rule.name(), kind, "message=" + then.alert(), evidence, "ok", t0);
            return;
        }
        AmiAction action = then.raisePriority() != null
                ? AmiAction.queueChangePriorityCaller(c.queue(), c.channel(), then.raisePriority())
                : AmiAction.redirect(c.channel(), then.redirect().context(), then.redirect().exten(),
                then.redirect().priority());
        String detail = then.raisePriority() != null ? "queue=" + c.queue() + " priority=" + then.raisePriority()
                : "to=" + then.redirect().context() + "," + then.redirect().exten() + "," + then.redirect().priority();
        CompletionStage<AmiResponse> sent;
        try {
            sent = ami.apply(action);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((resp, err) -> {
            if (err != null) {
                Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                if (cause instanceof AmiNotConnectedException) {
                    // Nothing was written: let the rule try again once AMI is back; not an action
                    // taken, so it neither counts against the call's budget nor goes to the audit.
                    release(c.callId(), rule.name(), then.redirect() != null, then.raisePriority());
                    claims.release(c, claimed);
                    registry.counter("cp.live.actions.deferred").increment();
                    log.debug("live action {} for call {} deferred: {}", kind, c.callId(), cause.getMessage());
                    return;
                }
                release(c.callId(), null, false, then.raisePriority());
                done(c, rule.name(), kind, detail, evidence, "failed: " + cause.getMessage(), t0);
            } else if (resp.success()) {
                if (then.raisePriority() != null) {
                    calls.update(c.callId(), false, CallChange.ACTION, v -> v.priority(then.raisePriority()));
                }
                done(c, rule.name(), kind, detail, evidence, "ok", t0);
            } else {
                release(c.callId(), null, false, then.raisePriority());
                done(c, rule.name(), kind, detail, evidence, "refused: " + resp.message(), t0);
            }
        });
    }

    /** Undoes what {@link #evaluate} claimed for an action that was not taken; null/false = nothing to undo. */
    private void release(String callId, String rule, boolean redirect, Integer priority) {
        if (rule != null) {
            calls.unmarkFired(callId, rule);
        }
        if (redirect) {
            calls.unmarkFired(callId, REDIRECTED);
        }
        if (priority != null) {
            calls.releasePriority(callId, priority);
        }
    }

    private void done(CallSnapshot c, String rule, String kind, String detail, Evidence evidence, String outcome,
                      long t0) {
        actionLatency.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        registry.counter("cp.live.actions", "kind", kind, "outcome", outcome.split(":")[0]).increment();
        Instant now = calls.clock().instant();
        calls.action(c.callId(), new ActionRecord(rule, kind, detail, outcome, now));
        Map<String, String> f = new LinkedHashMap<>();
        f.put("rule", rule);
        f.put("action", kind);
        f.put("detail", detail);
        f.put("evidence", evidence.text());
        f.putAll(evidence.fields());
        f.put("outcome", outcome);
        f.put("channel", c.channel());
        events.offer(new CallEvent("action", c.callId(), c.uniqueId(), c.phone(), now, f));
        log.info("live action {} for call {} ({}): {} [{}] -> {}", kind, c.callId(), rule, detail, evidence.text(),
                outcome);
    }

    @Override
    public void close() {
        ScheduledFuture<?> t = ticker;
        if (t != null) {
            t.cancel(false);
        }
    }
}
