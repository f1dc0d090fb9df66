/**
 * The Redis side of profiles: {@link com.callportrait.profile.redis.RedisOptions} (from
 * {@code CP_REDIS_URI}), {@link com.callportrait.profile.redis.RedisConnector} (the Lettuce client
 * with fail-fast options), {@link com.callportrait.profile.redis.EmbeddedRedis} (a real redis-server
 * when none is configured) and {@link com.callportrait.profile.redis.RedisProfileStore}. Key schema:
 * {@link com.callportrait.profile.redis.RedisKeys} and {@code redis-config/README.md}.
 */
package com.callportrait.profile.redis;
