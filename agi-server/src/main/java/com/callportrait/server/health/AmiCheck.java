package com.callportrait.server.health;

import com.callportrait.live.ami.AmiClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * AMI: OFF when {@code CP_AMI_URI} is unset; DOWN while not logged in (with the client's last
 * problem: refused, login failed, connection lost; it keeps reconnecting); DEGRADED while events
 * are dropped because consumers fall behind; else UP. Not thread-safe (keeps a window of readings):
 * its {@link HealthMonitor} calls it, one evaluation at a time.
 */
public final class AmiCheck implements HealthCheck {
    private final Optional<AmiClient> client;
    private final CounterWindow dropped;

    public AmiCheck(Optional<AmiClient> client, int windowSamples) {
        this.client = client;
        this.dropped = new CounterWindow(windowSamples);
    }

    @Override
    public String name() {
        return "ami";
    }

    @Override
    public CompletionStage<CheckResult> check() {
        if (client.isEmpty()) {
            return CompletableFuture.completedFuture(CheckResult.off("not configured (CP_AMI_URI unset)"));
        }
        AmiClient c = client.get();
        long drops = dropped.add(c.dropped());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("events_queued", c.queuedEvents());
        d.put("events_dropped", c.dropped());
        CheckResult r;
        if (!c.connected()) {
            r = CheckResult.down("not logged in (" + c.lastProblem() + "); reconnecting with backoff, "
                    + "live actions wait", d);
        } else if (drops > 0) {
            r = CheckResult.degraded(drops + " AMI events dropped recently: consumers behind", d);
        } else {
            r = CheckResult.up(d);
        }
        return CompletableFuture.completedFuture(r);
    }
}
