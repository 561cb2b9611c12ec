package io.eventgate.publish;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.eventgate.delivery.EventPublisher;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /events}: publish an event to a room, or to every socket.
 * <p>
 * Runs on the event loop: parsing, validating and handing the event to delivery never block.
 * Authorisation and the size limit are checked before the body is read, by {@link PublishGuard}.
 */
@Path("/events")
public class EventsResource {

    private final PublishRequestParser parser;
    private final EventPublisher publisher;
    private final long maxBodySize;

    public EventsResource(PublishRequestParser parser, EventPublisher publisher, PublishConfig config) {
        this.parser = parser;
        this.publisher = publisher;
        this.maxBodySize = config.maxBodySize().asLongValue();
    }

    @POST
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<PublishAccepted>> publish(byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        var charset = JsonContentType.charsetOf(contentType);
        if (body.length > maxBodySize) {
            // A chunked body has no Content-Length for the guard to check in advance.
            throw PublishGuard.tooLarge(maxBodySize);
        }
        return publisher.publish(parser.parse(body, charset))
                .map(event -> RestResponse.status(RestResponse.Status.ACCEPTED, PublishAccepted.of(event)));
    }
}
