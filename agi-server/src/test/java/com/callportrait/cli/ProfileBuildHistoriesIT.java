package com.callportrait.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.common.config.Env;
import com.callportrait.portrait.engine.PortraitConfig;
import com.callportrait.portrait.features.CustomerHistory;
import com.callportrait.portrait.features.HistoryBounds;
import com.callportrait.portrait.history.RedisHistories;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.redis.EmbeddedRedis;
import com.callportrait.profile.redis.RedisConnector;
import com.callportrait.profile.redis.RedisProfileStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profile build} writes the histories behind the portraits it saves, so the live path of any
 * instance continues from them instead of seeding a history from a stored portrait.
 */
class ProfileBuildHistoriesIT {

    @Test
    void theBuildLeavesEveryCustomersHistoryInRedis(@TempDir Path dir) {
        try (EmbeddedRedis redis = EmbeddedRedis.builder().freePort().dataDir(dir.resolve("redis")).build().start();
             RedisConnector c = RedisConnector.connect(redis.options())) {
            Env env = Env.of(Map.of("CP_REDIS_URI", "redis://127.0.0.1:" + redis.port(), "CP_DATA_DIR",
                    dir.resolve("data").toString()));
            StringWriter out = new StringWriter();
            int status = Main.run(env, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                    "profile", "build", "--generate", "150", "--interactions", "1500", "--no-progress");
            assertThat(status).as(out.toString()).isZero();
            assertThat(out.toString()).contains("histories: 150 customers written to Redis");
            assertThat(c.sync().keys("cp:hist:{*")).hasSize(150);

            RedisHistories histories = RedisHistories.of(c, HistoryBounds.DEFAULT);
            RedisProfileStore store = RedisProfileStore.create(c, PortraitConfig.load().phones());
            CustomerProfile p = store.findById("C0000007").toCompletableFuture().join().orElseThrow();
            CustomerHistory h = histories.find("C0000007").orElseThrow();
            assertThat(h.name()).isEqualTo(p.name());
            assertThat(histories.customerOfPhone(p.phones().get(0))).contains("C0000007");
            assertThat(h.contacts()).hasSizeGreaterThanOrEqualTo(p.lastTopics().size());
            assertThat(h.contacts().get(h.contacts().size() - 1).topic()).isEqualTo(p.lastTopics().get(0).topic());
        }
    }
}
