package io.eventgate.logger.runtime.jboss;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Level;
import org.jboss.logmanager.formatters.PatternFormatter;

/** Lines formatted with the cached date against a formatter of the same pattern that was left alone. */
class MillisecondDateStepTest {

    private static final Instant MILLISECOND = Instant.parse("2026-11-26T17:59:59.999Z");

    /** One millisecond, the next in a new second, the next in the same second, back to the first, before 1970. */
    private static final List<Instant> INSTANTS = List.of(MILLISECOND, MILLISECOND.plusNanos(999_999),
            MILLISECOND.plusMillis(1), MILLISECOND.plusMillis(1).plusNanos(1), MILLISECOND.plusMillis(2), MILLISECOND,
            Instant.ofEpochMilli(-1).plusNanos(500_000), Instant.ofEpochMilli(-1), Instant.ofEpochMilli(0));

    @Test
    void theDefaultConsoleDateIsCachedAndPrintsWhatItPrintedBefore() {
        String pattern = "%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c] %s%n";
        PatternFormatter cached = new PatternFormatter(pattern);

        MillisecondDateStep.cacheDatesOf(cached);

        assertThat(Arrays.stream(cached.getSteps()).filter(MillisecondDateStep.class::isInstance)).hasSize(1);
        assertThat(formatted(cached)).containsExactlyElementsOf(formatted(new PatternFormatter(pattern)));
    }

    @Test
    void aDateFinerThanTheMillisecondIsLeftAsItWas() {
        String pattern = "%d{HH:mm:ss.SSSSSS} %s%n";
        PatternFormatter formatter = new PatternFormatter(pattern);

        MillisecondDateStep.cacheDatesOf(formatter);

        assertThat(Arrays.stream(formatter.getSteps()).filter(MillisecondDateStep.class::isInstance)).isEmpty();
        assertThat(formatted(formatter)).containsExactlyElementsOf(formatted(new PatternFormatter(pattern)))
                .anyMatch(line -> line.contains(".999000 line 0")).anyMatch(line -> line.contains(".999999 line 1"));
    }

    @Test
    void aFormatterCachedTwiceKeepsOneCacheAndAJustifiedDateKeepsItsWidth() {
        String pattern = "[%-30d{ss,SSS}] %s%n";
        PatternFormatter cached = new PatternFormatter(pattern);

        MillisecondDateStep.cacheDatesOf(cached);
        MillisecondDateStep.cacheDatesOf(cached);

        assertThat(Arrays.stream(cached.getSteps()).filter(MillisecondDateStep.class::isInstance)).hasSize(1);
        assertThat(formatted(cached)).containsExactlyElementsOf(formatted(new PatternFormatter(pattern)))
                .first().asString().startsWith("[59,999                        ] ");
    }

    private static List<String> formatted(PatternFormatter formatter) {
        return INSTANTS.stream().map(instant -> {
            ExtLogRecord record = new ExtLogRecord(Level.INFO, "line " + INSTANTS.indexOf(instant),
                    ExtLogRecord.FormatStyle.NO_FORMAT, MillisecondDateStepTest.class.getName());
            record.setLoggerName("ctx");
            record.setInstant(instant);
            return formatter.format(record);
        }).toList();
    }
}
