package com.callportrait.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.common.config.Env;
import com.callportrait.live.calls.CallRegistry;
import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.live.calls.RoutedCall;
import com.callportrait.server.AppOptions;
import com.callportrait.server.RedisBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims on a real Redis: one winner per call and rule, all-or-nothing, expiring, released only by their owner. */
class RedisActionClaimsIT {
    static CallSnapshot call(String uid) {
        CallRegistry calls = CallRegistry.create(Clock.systemUTC(), Duration.ofHours(1));
        calls.routed(new RoutedCall("local-" + uid, "PJSIP/t-" + uid, uid, "5551234", "", "q", 5, "s", false, "r",
                Optional.empty()));
        return calls.get("local-" + uid).orElseThrow();
    }

    static ActionClaims.Outcome get(java.util.concurrent.CompletionStage<ActionClaims.Outcome> s) throws Exception {
        return s.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void oneInstanceWinsEachCallAndRule(@TempDir Path dir) throws Exception {
        AppOptions o = AppOptions.from(Env.of(Map.of())).withRedis(Optional.empty(), 0).withDataDir(dir);
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT)) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            RedisActionClaims a = RedisActionClaims.create(redis.connector().async(), "a", Duration.ofHours(1),
                    Duration.ofSeconds(2), registry);
            RedisActionClaims b = RedisActionClaims.create(redis.connector().async(), "b", Duration.ofHours(1),
                    Duration.ofSeconds(2), new SimpleMeterRegistry());
            CallSnapshot c = call("1700000000.1");
            assertThat(get(a.claim(c, List.of("prio")))).isEqualTo(ActionClaims.Outcome.WON);
            assertThat(get(b.claim(c, List.of("prio")))).isEqualTo(ActionClaims.Outcome.LOST);
            assertThat(get(a.claim(c, List.of("prio")))).as("also for its winner: a rule acts once").isEqualTo(ActionClaims.Outcome.LOST);
            assertThat(get(b.claim(call("1700000000.2"), List.of("prio")))).as("another call").isEqualTo(ActionClaims.Outcome.WON);

            // all or nothing: a second redirect rule finds the call's one redirect taken
            assertThat(get(b.claim(c, List.of("away", "__redirected")))).isEqualTo(ActionClaims.Outcome.WON);
            assertThat(get(a.claim(c, List.of("away2", "__redirected")))).isEqualTo(ActionClaims.Outcome.LOST);
            assertThat(redis.connector().sync().exists("cp:claim:{1700000000.1}:away2")).isZero();

            String key = RedisActionClaims.key(c, "prio");
            assertThat(key).isEqualTo("cp:claim:{1700000000.1}:prio");
            assertThat(redis.connector().sync().get(key)).isEqualTo("a");
            assertThat(redis.connector().sync().pttl(key)).isBetween(1L, Duration.ofHours(1).toMillis());

            b.release(c, List.of("prio")); // not b's: stays
            a.release(c, List.of("prio"));
            for (int i = 0; i < 50 && redis.connector().sync().exists(key) == 1; i++) {
                Thread.sleep(20);
            }
            assertThat(get(b.claim(c, List.of("prio")))).as("released by its owner").isEqualTo(ActionClaims.Outcome.WON);
            assertThat(registry.counter("cp.live.claims", "outcome", "won").count()).isEqualTo(1);
            assertThat(registry.counter("cp.live.claims", "outcome", "lost").count()).isEqualTo(2);

            redis.embedded().orElseThrow().close();
            assertThat(get(a.claim(c, List.of("later")))).as("Redis gone").isEqualTo(ActionClaims.Outcome.UNAVAILABLE);
        }
    }
}
