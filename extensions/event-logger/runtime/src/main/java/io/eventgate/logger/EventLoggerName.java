package io.eventgate.logger;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Names the {@link EventLogger} to inject, so that configuration can send it to its own stores:
 *
 * <pre>
 * &#64;Inject
 * &#64;EventLoggerName("audit")
 * EventLogger audit;
 * </pre>
 *
 * is configured with {@code quarkus.event-logger."audit".strategies=mongo,redis-stream}. A name with
 * no configuration of its own uses the default logger's ({@code quarkus.event-logger.strategies}).
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, METHOD, TYPE })
public @interface EventLoggerName {

    /**
     * The logger's name, as used in the configuration keys {@code quarkus.event-logger."<name>".*}.
     */
    String value();

    /** Supports programmatic lookup, e.g. {@code Arc.container().select(EventLogger.class, Literal.of("audit"))}. */
    final class Literal extends AnnotationLiteral<EventLoggerName> implements EventLoggerName {

        private static final long serialVersionUID = 1L;

        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        public static Literal of(String value) {
            return new Literal(value);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
