package io.eventgate.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.eventgate.support.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The registry holds nothing for sockets that are gone (looked at from inside, so JVM only). */
@QuarkusTest
class RoomRegistryTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    RoomRegistry registry;

    @Test
    void forgetsClosedSocketsInEveryRoom() {
        TestSocket closing = TestSocket.connect(base, "rooms=closing-1,closing-2");
        assertThat(registry.members("closing-1")).hasSize(1);
        assertThat(registry.everyone()).extracting(member -> member.connection().id()).contains(closing.connectionId());
        closing.close();
        await().atMost(TestSocket.TIMEOUT).untilAsserted(() -> {
            assertThat(registry.members("closing-1")).isEmpty();
            assertThat(registry.members("closing-2")).isEmpty();
            assertThat(registry.everyone()).extracting(member -> member.connection().id())
                    .doesNotContain(closing.connectionId());
        });
    }
}
