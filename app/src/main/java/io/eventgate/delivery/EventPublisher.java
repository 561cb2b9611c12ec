package io.eventgate.delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Singleton;

import io.eventgate.event.AcceptedEvent;
import io.eventgate.event.PublishRequest;
import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;

/**
 * Accepts a valid publish: gives it its id and time, logs it, and hands it to the fan-out.
 */
@Singleton
public class EventPublisher {

    private final Fanout fanout;
    private final EventLogger events;

    public EventPublisher(Fanout fanout, @EventLoggerName("events") EventLogger events) {
        this.fanout = fanout;
        this.events = events;
    }

    public AcceptedEvent publish(PublishRequest request) {
        AcceptedEvent event = new AcceptedEvent(UUID.randomUUID().toString(), request.event(), request.room(),
                request.data(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        events.log(EventLogRecords.accepted(event));
        fanout.publish(event);
        return event;
    }
}
