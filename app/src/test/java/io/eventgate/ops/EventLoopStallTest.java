package io.eventgate.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/** docs/protocol.md section 5: a node with a wedged event loop is not ready, and is again once it runs. */
@QuarkusTest
class EventLoopStallTest {

    @TestHTTPResource("/q/health/ready")
    URI ready;

    @Inject
    Vertx vertx;

    @Test
    void readinessIsDownWhileAnEventLoopIsBlocked() throws Exception {
        assertThat(status()).isEqualTo(200);
        CountDownLatch release = new CountDownLatch(1);
        // Blocks one loop, as a full buffer pool or a blocking call would.
        vertx.nettyEventLoopGroup().next().execute(() -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            // A request may land on the blocked loop and hang: each gets a short timeout.
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> status() == 503);
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> status() == 200);
    }

    /** A fresh connection each time, so that requests are spread over the loops. */
    private int status() {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            return client.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception timedOut) {
            return -1;
        }
    }
}
