package io.eventgate.event;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for event and room names (docs/protocol.md): lengths count Unicode code points.
 */
public final class NameRules {

    public static final int MAX_LENGTH = 128;

    private static final String EVENT_PATTERN_TEXT = "^[A-Za-z0-9][A-Za-z0-9._:-]*$";
    private static final Pattern EVENT_PATTERN = Pattern.compile(EVENT_PATTERN_TEXT);

    private NameRules() {
    }

    /** What is wrong with {@code name} as an event name, if anything. */
    public static Optional<String> eventNameProblem(String name) {
        return lengthProblem(name).or(() -> EVENT_PATTERN.matcher(name).matches() ? Optional.empty()
                : Optional.of("must match " + EVENT_PATTERN_TEXT + " (letters, digits, '.', '_', ':', '-';"
                        + " starting with a letter or digit)"));
    }

    /**
     * What is wrong with {@code name} as a room name, if anything: it must not hold control or
     * format characters (Unicode Cc and Cf, such as U+0000, U+200B or U+202E), which would make two
     * rooms look alike or reorder what a person reads.
     */
    public static Optional<String> roomNameProblem(String name) {
        return lengthProblem(name).or(() -> name.codePoints().filter(NameRules::controlOrFormat).findFirst()
                .stream().mapToObj(c -> String.format("must not contain control or format characters (found U+%04X)", c))
                .findFirst());
    }

    private static boolean controlOrFormat(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE;
    }

    private static Optional<String> lengthProblem(String name) {
        int length = name.codePointCount(0, name.length());
        if (length == 0) {
            return Optional.of("must not be empty");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters long (got " + length + ")");
        }
        return Optional.empty();
    }
}
