package io.eventgate.logger.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Black-box: an order placed over HTTP is logged by each logger where the application's configuration
 * sends it; the audit trail as JSON lines on standard output (console strategy), the operational note
 * through JBoss Logging (here read from its file, {@code target/quarkus.log}).
 */
@QuarkusTest
class TwoLoggersTest {

    @RegisterExtension
    static final StdoutTee STDOUT = StdoutTee.install();

    private static final Path JBOSS_LOG = Path.of("target/quarkus.log");

    @Test
    void eachLoggerStoresWhereTheApplicationConfiguredIt() {
        given().post("/orders/A-17?total=42").then().statusCode(204);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(auditLines())
                .anySatisfy(line -> assertThat(line).contains("\"logger\":\"audit\"", "\"context\":\"order.placed\"",
                        "\"data\":{\"orderId\":\"A-17\",\"total\":42}")));
        assertThat(auditLines()).noneMatch(line -> line.contains("checkout.latency"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jbossLines())
                .anyMatch(line -> line.contains("[checkout.latency]") && line.contains("order A-17 placed"))
                .noneMatch(line -> line.contains("[order.placed]")));
    }

    @Test
    void carriesNoMongoOrRedisClient() {
        for (String client : List.of("com.mongodb.reactivestreams.client.MongoClient", "io.vertx.redis.client.Redis",
                "io.quarkus.redis.datasource.RedisDataSource")) {
            assertThat(Thread.currentThread().getContextClassLoader().getResource(client.replace('.', '/') + ".class"))
                    .as(client).isNull();
        }
    }

    private static List<String> auditLines() {
        return STDOUT.text().lines().filter(line -> line.startsWith("{") && line.contains("\"logger\":\"audit\"")).toList();
    }

    private static List<String> jbossLines() throws IOException {
        return Files.exists(JBOSS_LOG) ? Files.readAllLines(JBOSS_LOG) : List.of();
    }
}
