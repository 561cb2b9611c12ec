package io.eventgate.logger.runtime.jboss;

import java.time.Instant;
import java.util.logging.Formatter;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Level;
import org.jboss.logmanager.formatters.FormatStep;
import org.jboss.logmanager.formatters.MultistepFormatter;

/**
 * A pattern's date rendered once per millisecond instead of once per line: lines written in a batch
 * mostly share their millisecond, and the date's {@link java.time.format.DateTimeFormatter} was the
 * largest part of formatting one. Only a date that reads nothing finer than the millisecond is
 * cached, which {@link #cacheDatesOf} asks the step itself, so a pattern that prints micro- or
 * nanoseconds is left as it was.
 */
final class MillisecondDateStep implements FormatStep {

    /** Two instants in one millisecond, at its two ends. */
    private static final Instant PROBE_START = Instant.ofEpochSecond(1_767_225_599L, 999_000_000L);
    private static final Instant PROBE_END = PROBE_START.plusNanos(999_999L);

    private final FormatStep date;
    /** Immutable, so threads that format at once share it without a lock. */
    private volatile Rendered last = new Rendered(Long.MIN_VALUE, "");

    private MillisecondDateStep(FormatStep date) {
        this.date = date;
    }

    /**
     * Replaces the date steps of {@code formatter}, if it is made of steps, with ones that render
     * once per millisecond; steps already replaced, and dates finer than the millisecond, are kept.
     */
    static void cacheDatesOf(Formatter formatter) {
        if (!(formatter instanceof MultistepFormatter multistep)) {
            return;
        }
        FormatStep[] steps = multistep.getSteps();
        boolean replaced = false;
        for (int i = 0; i < steps.length; i++) {
            FormatStep step = steps[i];
            if (step.getItemType() == ItemType.DATE && !(step instanceof MillisecondDateStep)
                    && readsNothingFinerThanMillis(multistep, step)) {
                steps[i] = new MillisecondDateStep(step);
                replaced = true;
            }
        }
        if (replaced) {
            multistep.setSteps(steps);
        }
    }

    @Override
    public void render(StringBuilder builder, ExtLogRecord record) {
        render(null, builder, record);
    }

    @Override
    public void render(Formatter formatter, StringBuilder builder, ExtLogRecord record) {
        long millis = record.getMillis();
        Rendered rendered = last;
        if (rendered.millis() != millis) {
            StringBuilder text = new StringBuilder(date.estimateLength());
            date.render(formatter, text, record);
            rendered = new Rendered(millis, text.toString());
            last = rendered;
        }
        builder.append(rendered.text());
    }

    @Override
    public int estimateLength() {
        return date.estimateLength();
    }

    @Override
    public boolean isCallerInformationRequired() {
        return date.isCallerInformationRequired();
    }

    @Override
    public ItemType getItemType() {
        return ItemType.DATE;
    }

    private static boolean readsNothingFinerThanMillis(Formatter formatter, FormatStep date) {
        return rendered(formatter, date, PROBE_START).equals(rendered(formatter, date, PROBE_END));
    }

    private static String rendered(Formatter formatter, FormatStep date, Instant instant) {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "", ExtLogRecord.FormatStyle.NO_FORMAT,
                MillisecondDateStep.class.getName());
        record.setInstant(instant);
        StringBuilder text = new StringBuilder();
        date.render(formatter, text, record);
        return text.toString();
    }

    private record Rendered(long millis, String text) {
    }
}
