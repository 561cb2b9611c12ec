package io.eventgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.util.List;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.eventgate.testing.CapturedLogs;
import io.eventgate.support.Publish;
import io.eventgate.support.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * docs/protocol.md section 3, through the default (JBoss Logging) strategy of the event-logger extension.
 */
@QuarkusTest
class EventLogRecordsTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void logsTheEventAndEachDeliveryNamedByTheEvent() {
        try (CapturedLogs logs = CapturedLogs.install();
                TestSocket first = TestSocket.connect(base, "rooms=logged");
                TestSocket second = TestSocket.connect(base, "rooms=logged")) {
            String id = Publish.accepted("{\"event\":\"order.logged\",\"room\":\"logged\","
                    + "\"data\":{\"orderId\":\"cfa3f520-fa3f-4859-b5b0-a0b4e32e593f\",\"total\":12}}");
            first.next("event");
            second.next("event");

            await().atMost(TestSocket.TIMEOUT).untilAsserted(() -> assertThat(logs.of("order.logged")).hasSize(3));
            List<ExtLogRecord> records = logs.of("order.logged");
            ExtLogRecord accepted = records.stream().filter(r -> "events".equals(r.getMdc("eventLogger")))
                    .findFirst().orElseThrow();
            assertThat(accepted.getMessage()).isEqualTo("orderId: cfa3f520-fa3f-4859-b5b0-a0b4e32e593f, total: 12");
            assertThat(accepted.getMdc("eventId")).isEqualTo(id);
            assertThat(accepted.getMdc("room")).isEqualTo("logged");
            assertThat(accepted.getLevel().getName()).isEqualTo("INFO");

            assertThat(records.stream().filter(r -> "deliveries".equals(r.getMdc("eventLogger"))))
                    .extracting(ExtLogRecord::getMessage)
                    .containsExactlyInAnyOrder("event sent to: " + first.connectionId(),
                            "event sent to: " + second.connectionId());
        }
    }

    @Test
    void logsNothingOfARejectedRequest() {
        try (CapturedLogs logs = CapturedLogs.install()) {
            Publish.body("{\"event\":\"never.logged\",\"room\":5}").statusCode(400);
            Publish.marker();
            await().atMost(TestSocket.TIMEOUT).until(() -> !logs.of("test.marker").isEmpty());
            assertThat(logs.of("never.logged")).isEmpty();
        }
    }
}
