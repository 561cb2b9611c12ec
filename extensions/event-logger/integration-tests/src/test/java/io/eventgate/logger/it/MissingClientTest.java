package io.eventgate.logger.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Naming a store whose client the application lacks fails the start and says what to add. */
class MissingClientTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Checkout.class))
            .overrideConfigKey("quarkus.event-logger.\"audit\".strategies", "redis-stream")
            .assertException(failure -> {
                Throwable cause = failure;
                while (cause.getCause() != null && !String.valueOf(cause.getMessage()).contains("redis-stream")) {
                    cause = cause.getCause();
                }
                assertThat(cause.getMessage()).contains("'redis-stream'", "quarkus.event-logger.\"audit\".strategies",
                        "add the dependency io.quarkus:quarkus-redis-client");
            });

    @Test
    void failsTheStartNamingTheDependencyToAdd() {
        // The start fails; the assertion is on the exception above.
    }
}
