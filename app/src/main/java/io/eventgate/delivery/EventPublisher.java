package io.eventgate.delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;

import io.eventgate.event.AcceptedEvent;
import io.eventgate.event.PublishRequest;
import io.eventgate.history.Offset;
import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;
import io.eventgate.metrics.EventgateMetrics;
import io.smallrye.mutiny.Uni;

/**
 * Accepts a valid publish: gives it its id and time, hands it to the fan-out, and logs it once
 * the fan-out took it, so that a refused event is never logged as accepted.
 */
@Singleton
public class EventPublisher {

    private final Fanout fanout;
    private final EventLogger events;
    private final EventgateMetrics metrics;

    public EventPublisher(Fanout fanout, @EventLoggerName("events") EventLogger events, EventgateMetrics metrics) {
        this.fanout = fanout;
        this.events = events;
        this.metrics = metrics;
    }

    /** An accepted event, with its offset when the fan-out keeps a history. */
    public record Published(AcceptedEvent event, Optional<Offset> offset) {
    }

    public Uni<Published> publish(PublishRequest request) {
        AcceptedEvent event = new AcceptedEvent(UUID.randomUUID().toString(), request.event(), request.room(),
                request.data(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return fanout.publish(event)
                .invoke(() -> {
                    metrics.accepted();
                    events.log(EventLogRecords.accepted(event));
                })
                .map(offset -> new Published(event, offset));
    }
}
