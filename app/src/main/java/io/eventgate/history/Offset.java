package io.eventgate.history;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event's place in the history: the history's epoch (so that an offset of a history that was
 * lost is recognised) and the event's sequence number in it. Written {@code <epoch>-<seq>};
 * clients never parse it.
 */
public record Offset(String epoch, long seq) {

    private static final Pattern FORM = Pattern.compile("([0-9a-f]{1,32})-([0-9]{1,19})");

    @Override
    public String toString() {
        return epoch + "-" + seq;
    }

    /** A new history's epoch: random, so that an offset of another history is not taken for one of this. */
    public static String newEpoch() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /** The offset written {@code text}; empty when it is not one. */
    public static Optional<Offset> parse(String text) {
        Matcher form = FORM.matcher(text);
        if (!form.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Offset(form.group(1), Long.parseLong(form.group(2))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
