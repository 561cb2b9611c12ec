package io.eventgate.logger.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class UnknownStrategyTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.event-logger.strategies", "jboss,elastic")
            .assertException(failure -> {
                Throwable cause = failure;
                while (cause.getCause() != null && !cause.getMessage().contains("elastic")) {
                    cause = cause.getCause();
                }
                assertThat(cause.getMessage()).contains("Unknown event-logger strategy 'elastic'",
                        "quarkus.event-logger.strategies", "known strategies:", "console", "jboss", "@Identifier");
            });

    @Test
    void failsTheStartNamingTheStrategyAndTheKnownOnes() {
        // The start fails; the assertion is on the exception above.
    }
}
