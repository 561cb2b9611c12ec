package io.eventgate.publish;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.jboss.resteasy.reactive.RestResponse;

import io.eventgate.delivery.EventPublisher;
import io.eventgate.event.PublishRequest;
import io.eventgate.http.Problem;
import io.eventgate.idempotency.IdempotentPublishing;
import io.eventgate.security.ApiKeyAuthenticationMechanism;
import io.eventgate.security.Roles;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /events}: publish an event to a room, or to every socket.
 * <p>
 * Runs on the event loop: parsing, validating and handing the event to delivery never block.
 * The API key is checked by Quarkus Security ({@code ApiKeyAuthenticationMechanism}) before the
 * body is read, the rate and the size limit by {@link PublishGuard}.
 */
@Path("/events")
@RolesAllowed(Roles.PUBLISHER)
@SecurityScheme(securitySchemeName = ApiKeyAuthenticationMechanism.SCHEME, type = SecuritySchemeType.HTTP,
        scheme = "bearer", description = "One of eventgate.api-keys, as Authorization: Bearer <key>; not required "
                + "while no key is configured")
@SecurityRequirement(name = ApiKeyAuthenticationMechanism.SCHEME)
public class EventsResource {

    /** The header that makes a publish safe to retry. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final PublishRequestParser parser;
    private final EventPublisher publisher;
    private final IdempotentPublishing idempotent;

    public EventsResource(PublishRequestParser parser, EventPublisher publisher, IdempotentPublishing idempotent) {
        this.parser = parser;
        this.publisher = publisher;
        this.idempotent = idempotent;
    }

    @POST
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish an event", description = "Delivers the event to every socket in `room`, or to "
            + "every connected socket when `room` is absent or null. Any event name; the server never needs to "
            + "know it in advance.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = { "event" }, description = "Unknown fields are refused (400)",
                    properties = {
                            @SchemaProperty(name = "event", type = SchemaType.STRING, minLength = 1, maxLength = 128,
                                    pattern = "^[A-Za-z0-9][A-Za-z0-9._:-]*$", description = "The event name"),
                            @SchemaProperty(name = "room", type = SchemaType.STRING, minLength = 1, maxLength = 128,
                                    nullable = true, description = "The target room, no control characters; "
                                            + "absent or null: every socket"),
                            @SchemaProperty(name = "data", description = "Any JSON value, carried unchanged") }),
            examples = {
                    @ExampleObject(name = "to a room", value = "{\"event\":\"order.created\",\"room\":\"r1\","
                            + "\"data\":{\"orderId\":\"cfa3\"}}"),
                    @ExampleObject(name = "to everyone", value = "{\"event\":\"system.notice\",\"data\":\"maintenance at 18:00\"}") }))
    @APIResponse(responseCode = "202", description = "Accepted and handed to delivery",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublishAccepted.class),
                    examples = @ExampleObject(name = "accepted",
                            value = "{\"id\":\"9d283b4a-c87f-4337-ac2e-fe71ad0c6c42\",\"timestamp\":\"2026-11-26T18:00:00.123Z\"}")))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a wrong type, an unknown field, an invalid event or room",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown field", value = "{\"type\":\"about:blank\","
                            + "\"title\":\"Bad Request\",\"status\":400,\"detail\":\"Unknown field 'rom'; the allowed "
                            + "fields are event, room and data\",\"instance\":\"/events\"}")))
    @APIResponse(responseCode = "401", description = "API keys are configured and the request has none or a wrong one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A publish with the same Idempotency-Key is being accepted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than eventgate.publish.max-body-size (1 MiB)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Content-Type missing or not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The node is shutting down, or the required backplane is away",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<PublishAccepted>> publish(byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "Any string of visible ASCII up to 255 characters (a UUID); a repeat within "
                    + "eventgate.publish.idempotency-window gets the first answer and is not delivered again")
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context SecurityContext security) {
        PublishRequest request = parser.parse(body, contentType);
        return idempotent.publish(security.getUserPrincipal().getName(), idempotencyKey, body,
                () -> publisher.publish(request).map(PublishAccepted::of))
                .map(accepted -> RestResponse.status(RestResponse.Status.ACCEPTED, accepted));
    }
}
