package com.callportrait.profile.redis;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.PhoneOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.callportrait.profile.redis.RedisProfileStoreIT.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store on a real three-master Redis Cluster (embedded-redis starts the nodes and assigns the
 * slots): the two-step lookup, the per-slot save script and stale phone removal across slots.
 */
class RedisClusterProfileStoreIT {

    static ThreeMasterCluster cluster;
    static RedisConnector connector;
    static RedisProfileStore store;

    @BeforeAll
    static void start() throws Exception {
        cluster = ThreeMasterCluster.start();
        connector = cluster.connector();
        store = RedisProfileStore.create(connector, PhoneOptions.DEFAULT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void saveFindAndStaleRemovalWorkAcrossSlots() throws Exception {
        assertThat(connector.isCluster()).isTrue();
        assertThat(store.roundTripsPerLookup()).isEqualTo(2);
        CustomerProfile jane = TestProfiles.jane("5551234", "+1 555 123 4567", "+44 20 7946 0018");
        await(store.save(jane));
        for (String form : List.of("5551234", "(555) 123-4567", "001 555 123 4567", "0044 20 7946 0018")) {
            assertThat(await(store.findByPhone(form))).as(form).contains(jane);
        }
        // The phone keys really are spread over different slots, and the profile meets its phone set.
        Map<String, Long> slots = Map.of(
                "p1", connector.sync().clusterKeyslot("cp:phone:5551234"),
                "p2", connector.sync().clusterKeyslot("cp:phone:15551234567"),
                "p3", connector.sync().clusterKeyslot("cp:phone:442079460018"));
        assertThat(slots.values().stream().distinct().count()).isGreaterThan(1);
        assertThat(connector.sync().clusterKeyslot("cp:profile:{C1001}")).isEqualTo(connector.sync().clusterKeyslot("cp:phones:{C1001}"));

        CustomerProfile moved = TestProfiles.jane("+1 555 010 9999");
        await(store.save(moved));
        assertThat(await(store.findByPhone("5551234"))).isEmpty();
        assertThat(await(store.findByPhone("+44 20 7946 0018"))).isEmpty();
        assertThat(await(store.findByPhone("5550109999"))).contains(moved);
        assertThat(connector.sync().exists("cp:phone:5551234")).isZero();
        assertThat(connector.sync().exists("cp:phone:442079460018")).isZero();
        assertThat(await(store.findById("C1001"))).contains(moved);
    }

    @Test
    void manyCustomersSpreadOverTheMasters() throws Exception {
        for (int i = 0; i < 200; i++) {
            await(store.save(TestProfiles.plain("K" + i, "+1 555 300 " + String.format("%04d", i))));
        }
        for (int i = 0; i < 200; i += 17) {
            assertThat(await(store.findByPhone("555300" + String.format("%04d", i))).map(CustomerProfile::customerId))
                    .contains("K" + i);
        }
    }
}
