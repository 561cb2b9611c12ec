package io.eventgate.delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;

import io.eventgate.event.AcceptedEvent;
import io.eventgate.event.EventFrame;
import io.eventgate.event.PublishRequest;
import io.eventgate.event.Timestamps;
import io.eventgate.history.Offset;
import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;
import io.eventgate.metrics.EventgateMetrics;
import io.eventgate.socket.FrameWriter;
import io.eventgate.socket.ServerFrame;
import io.smallrye.mutiny.Uni;

/**
 * Accepts a valid publish: gives it its id and time, writes its frame (once, for every socket of
 * every node), hands it to the fan-out, and logs it once the fan-out took it, so that a refused
 * event is never logged as accepted.
 */
@Singleton
public class EventPublisher {

    private final Fanout fanout;
    private final FrameWriter writer;
    private final EventLogger events;
    private final EventgateMetrics metrics;

    public EventPublisher(Fanout fanout, FrameWriter writer, @EventLoggerName("events") EventLogger events,
            EventgateMetrics metrics) {
        this.fanout = fanout;
        this.writer = writer;
        this.events = events;
        this.metrics = metrics;
    }

    /** An accepted event, with its offset when the fan-out keeps a history. */
    public record Published(AcceptedEvent event, Optional<Offset> offset) {
    }

    public Uni<Published> publish(PublishRequest request) {
        String id = UUID.randomUUID().toString();
        Instant acceptedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventFrame frame = EventFrame.of(writer.write(new ServerFrame.Event(id, request.event(),
                request.room().orElse(null), request.data(), Timestamps.format(acceptedAt), null)));
        AcceptedEvent event = new AcceptedEvent(id, request.event(), request.room(), request.data(), acceptedAt, frame);
        return fanout.publish(event)
                .invoke(() -> {
                    metrics.accepted();
                    events.log(EventLogRecords.accepted(event));
                })
                .map(offset -> new Published(event, offset));
    }
}
