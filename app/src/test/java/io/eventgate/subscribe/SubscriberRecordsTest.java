package io.eventgate.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.eventgate.support.TestSocket;
import io.eventgate.testing.CapturedLogs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** docs/protocol.md section 3 with subscriber auth: a delivery record names the socket's {@code sub}. */
@QuarkusTest
@TestProfile(Rs256Profile.class)
class SubscriberRecordsTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @TestHTTPResource("/")
    URI base;

    @Test
    void theDeliveryRecordOfAnAuthenticatedSocketNamesItsSub() {
        try (CapturedLogs logs = CapturedLogs.install();
                TestSocket socket = TestSocket.connect(base, "token=" + Tokens.rs256("frank", List.of("logged"),
                        TEN_MINUTES) + "&rooms=logged")) {
            SubscriberAuthTest.accepted("{\"event\":\"sub.logged\",\"room\":\"logged\"}");
            socket.next("event");
            await().atMost(TestSocket.TIMEOUT).untilAsserted(() -> assertThat(
                    logs.of("sub.logged").stream().filter(r -> "deliveries".equals(r.getMdc("eventLogger"))))
                    .extracting(r -> r.getMdc("sub")).containsExactly("frank"));
        }
    }

}
