package com.callportrait.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final HttpHandler a = c -> CompletableFuture.completedFuture(HttpReply.text(200, "a"));
    private final HttpHandler b = c -> CompletableFuture.completedFuture(HttpReply.text(200, "b"));
    private final Router router = Router.builder().get("/health", a).get("/api/profiles/{phone}", b).build();

    @Test
    void matchesLiteralAndParameterSegments() {
        assertThat(router.route("GET", "/health")).isInstanceOf(Router.Found.class);
        Router.Result r = router.route("GET", "/api/profiles/5551234");
        assertThat(((Router.Found) r).match().handler()).isSameAs(b);
        assertThat(((Router.Found) r).match().params()).containsEntry("phone", "5551234");
        assertThat(router.route("HEAD", "/health/")).isInstanceOf(Router.Found.class);
    }

    @Test
    void answers404And405() {
        assertThat(router.route("GET", "/api/profiles")).isEqualTo(new Router.NotFound(404));
        assertThat(router.route("GET", "/api/profiles/")).isEqualTo(new Router.NotFound(404));
        assertThat(router.route("GET", "/nope")).isEqualTo(new Router.NotFound(404));
        assertThat(router.route("POST", "/health")).isEqualTo(new Router.NotFound(405));
    }
}
