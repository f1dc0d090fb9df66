package com.callportrait.profile.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script run by {@code EVALSHA}, falling back to {@code EVAL} (which also caches it) when the
 * server answers {@code NOSCRIPT} — after a restart or a failover the script cache is empty, and
 * that must cost one extra round trip, not an error. Public so other stores (the interaction stream's
 * idempotent append) reuse it. Immutable and thread-safe.
 */
public final class LuaScript {

    private final String body;
    private final String sha;
    private final ScriptOutputType type;

    public LuaScript(String body, ScriptOutputType type) {
        this.body = body;
        this.type = type;
        try {
            this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JVM", e);
        }
    }

    /** Runs the script on the node owning the keys' slot (all keys must share one slot on a cluster). */
    public <T> CompletionStage<T> run(RedisClusterAsyncCommands<String, String> redis, String[] keys, String... args) {
        CompletionStage<T> first = redis.evalsha(sha, type, keys, args);
        return first.handle((value, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(value);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof RedisNoScriptException) {
                return redis.<T>eval(body, type, keys, args).toCompletableFuture();
            }
            return CompletableFuture.<T>failedFuture(cause);
        }).thenCompose(stage -> stage);
    }

    String sha() {
        return sha;
    }
}
