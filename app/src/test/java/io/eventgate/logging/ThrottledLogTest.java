package io.eventgate.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.eventgate.testing.CapturedLogs;

class ThrottledLogTest {

    private static final String CATEGORY = ThrottledLogTest.class.getName();

    @Test
    void writesOneLinePerKindAndIntervalAndCountsWhatItLeftOut() throws InterruptedException {
        ThrottledLog throttled = new ThrottledLog(Logger.getLogger(CATEGORY), Logger.Level.WARN, Duration.ofMillis(1500));
        try (CapturedLogs logs = CapturedLogs.install()) {
            for (int i = 0; i < 4; i++) {
                throttled.log("refused", () -> "a client was refused");
            }
            throttled.log("closed", () -> "a client was closed");
            TimeUnit.MILLISECONDS.sleep(1600);
            throttled.log("refused", () -> "a client was refused again");

            assertThat(logs.of(CATEGORY)).extracting(ExtLogRecord::getFormattedMessage).containsExactly(
                    "a client was refused",
                    "a client was closed",
                    "a client was refused again (3 more of this kind in the last 1500 ms)");
        }
    }

    @Test
    void buildsNoLineItDoesNotWrite() {
        ThrottledLog throttled = new ThrottledLog(Logger.getLogger(CATEGORY), Logger.Level.WARN, Duration.ofSeconds(10));
        throttled.log("refused", () -> "first");
        throttled.log("refused", () -> {
            throw new AssertionError("a line left out was built");
        });
    }
}
