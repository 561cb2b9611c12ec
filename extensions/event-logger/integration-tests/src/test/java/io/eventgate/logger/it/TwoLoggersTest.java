package io.eventgate.logger.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class TwoLoggersTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Checkout.class).addAsResource("application.properties"));

    @Inject
    Checkout checkout;

    @Test
    void eachLoggerStoresWhereTheApplicationConfiguredIt() {
        List<String> jbossCategories = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                jbossCategories.add(record.getLoggerName() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.util.logging.Logger.getLogger("").addHandler(handler);
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            checkout.placeOrder("A-17", 42);
            await().atMost(Duration.ofSeconds(10)).until(() -> out.toString(StandardCharsets.UTF_8).contains("order.placed"));
        } finally {
            System.setOut(original);
            java.util.logging.Logger.getLogger("").removeHandler(handler);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"logger\":\"audit\"", "\"context\":\"order.placed\"",
                "\"data\":{\"orderId\":\"A-17\",\"total\":42}").doesNotContain("checkout.latency");
        assertThat(jbossCategories).contains("checkout.latency order A-17 placed")
                .noneMatch(line -> line.startsWith("order.placed"));
    }

    @Test
    void carriesNoMongoOrRedisClient() {
        for (String client : List.of("com.mongodb.reactivestreams.client.MongoClient", "io.vertx.redis.client.Redis",
                "io.quarkus.redis.datasource.RedisDataSource")) {
            assertThat(Thread.currentThread().getContextClassLoader().getResource(client.replace('.', '/') + ".class"))
                    .as(client).isNull();
        }
    }
}
