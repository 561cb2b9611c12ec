package io.eventgate.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.eventgate.support.Publish;
import io.eventgate.support.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * In the service as configured, nothing below a socket's guard touches bytes, so event frames skip
 * the pipeline's handlers ({@link FrameOutlet}): fails when a Quarkus upgrade or a setting puts a
 * handler there that does, which sends them through the pipeline again (correct, and slower).
 */
@QuarkusTest
class FrameOutletTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    RoomRegistry registry;

    @Test
    void eventFramesGoToTheTransport() throws Exception {
        try (TestSocket socket = TestSocket.connect(base, "rooms=outlet")) {
            Publish.accepted("{\"event\":\"outlet.check\",\"room\":\"outlet\",\"data\":{}}");
            assertThat(socket.next().path("event").asText()).isEqualTo("outlet.check");

            Collection<Member> members = registry.members("outlet");
            assertThat(members).hasSize(1);
            Member member = members.iterator().next();
            CompletableFuture<Boolean> toTransport = new CompletableFuture<>();
            member.loop().runOnContext(task -> toTransport.complete(member.wire().toTransport()));
            assertThat(toTransport.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
