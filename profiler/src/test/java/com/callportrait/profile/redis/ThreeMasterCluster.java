package com.callportrait.profile.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import redis.embedded.RedisShardedCluster;

/**
 * A real three-master Redis Cluster on loopback for ITs (embedded-redis starts the nodes and
 * assigns the slots), with a connector to it. Started by {@link #start()}, stopped by
 * {@link #close()}; one per test class.
 */
final class ThreeMasterCluster implements AutoCloseable {
    private final RedisShardedCluster cluster;
    private final RedisConnector connector;

    private ThreeMasterCluster(RedisShardedCluster cluster, RedisConnector connector) {
        this.cluster = cluster;
        this.connector = connector;
    }

    static ThreeMasterCluster start() throws Exception {
        RedisShardedCluster cluster = RedisShardedCluster.newRedisCluster()
                .serverPorts(clusterPorts(3)) // before shard(): each shard takes its port when declared
                .shard("master1", 0).shard("master2", 0).shard("master3", 0)
                .initializationTimeout(Duration.ofSeconds(30))
                .build();
        cluster.start();
        try {
            awaitClusterOk(cluster.serverPorts());
            String seeds = cluster.serverPorts().stream().map(p -> "redis://127.0.0.1:" + p)
                    .collect(Collectors.joining(","));
            return new ThreeMasterCluster(cluster, RedisConnector.connect(RedisOptions.of(seeds)));
        } catch (Exception | AssertionError e) {
            cluster.stop();
            throw e;
        }
    }

    RedisConnector connector() {
        return connector;
    }

    @Override
    public void close() throws IOException {
        connector.close();
        cluster.stop();
    }

    /**
     * embedded-redis returns once the slots are assigned, but each node reports the cluster as
     * down until gossip has reached it (CLUSTERDOWN on a busy machine); wait for every node.
     */
    private static void awaitClusterOk(List<Integer> ports) throws Exception {
        for (int port : ports) {
            try (RedisConnector node = RedisConnector.connect(RedisOptions.of("redis://127.0.0.1:" + port))) {
                for (int i = 0; i < 300 && !node.sync().clusterInfo().contains("cluster_state:ok"); i++) {
                    Thread.sleep(100);
                }
                assertThat(node.sync().clusterInfo()).as("node " + port).contains("cluster_state:ok");
            }
        }
    }

    /** Free loopback ports whose cluster bus port (+10000) is free too; never the default 6379. */
    private static List<Integer> clusterPorts(int n) throws IOException {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < n) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = s.getLocalPort();
                if (port <= 55_000 && !ports.contains(port) && free(port + 10_000)) {
                    ports.add(port);
                }
            }
        }
        return ports;
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
