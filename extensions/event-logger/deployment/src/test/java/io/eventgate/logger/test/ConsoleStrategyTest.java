package io.eventgate.logger.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;
import io.quarkus.test.QuarkusUnitTest;

/** Two names on the console, one plain and one JSON. */
class ConsoleStrategyTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Records.class))
            .overrideConfigKey("quarkus.event-logger.\"plain\".strategies", "console")
            .overrideConfigKey("quarkus.event-logger.\"plain\".queue.flush-interval", "20ms")
            .overrideConfigKey("quarkus.event-logger.\"json\".strategies", "console")
            .overrideConfigKey("quarkus.event-logger.\"json\".console.format", "json")
            .overrideConfigKey("quarkus.event-logger.\"json\".queue.flush-interval", "20ms");

    @Inject
    @EventLoggerName("plain")
    EventLogger plain;

    @Inject
    @EventLoggerName("json")
    EventLogger json;

    @Test
    void printsOneLinePerRecordInEachLoggersFormat() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            plain.log(Records.numbered("console.plain", 1));
            json.log(Records.numbered("console.json", 2));
            await().atMost(Duration.ofSeconds(10)).until(() -> captured.toString(StandardCharsets.UTF_8)
                    .contains("console.plain") && captured.toString(StandardCharsets.UTF_8).contains("console.json"));
        } finally {
            System.setOut(original);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\\R");
        String plainLine = java.util.Arrays.stream(lines).filter(line -> line.contains("console.plain")).findFirst()
                .orElseThrow();
        assertThat(plainLine).contains("INFO [console.plain] record 1", "logger=plain", "eventId=event-1",
                "data={\"n\":1,\"orderId\":\"order-1\"}");
        JsonNode jsonLine = new ObjectMapper().readTree(java.util.Arrays.stream(lines)
                .filter(line -> line.contains("console.json")).findFirst().orElseThrow());
        assertThat(jsonLine.path("logger").asText()).isEqualTo("json");
        assertThat(jsonLine.path("context").asText()).isEqualTo("console.json");
        assertThat(jsonLine.path("message").asText()).isEqualTo("record 2");
        assertThat(jsonLine.path("data").path("orderId").asText()).isEqualTo("order-2");
        assertThat(jsonLine.path("attributes").path("eventId").asText()).isEqualTo("event-2");
        assertThat(jsonLine.path("timestamp").asText()).endsWith("Z");
    }
}
