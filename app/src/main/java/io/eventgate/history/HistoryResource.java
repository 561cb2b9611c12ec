package io.eventgate.history;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.eventgate.event.NameRules;
import io.eventgate.http.Problem;
import io.eventgate.http.ProblemException;
import io.eventgate.security.ApiKeyAuthenticationMechanism;
import io.eventgate.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /history}: a room's retained events (or the broadcasts') after an offset, over HTTP
 * (docs/protocol.md section 4).
 */
@Path("/history")
@RolesAllowed(Roles.PUBLISHER)
@SecurityRequirement(name = ApiKeyAuthenticationMechanism.SCHEME)
public class HistoryResource {

    private static final int MAX_LIMIT = 1000;

    private final History history;

    public HistoryResource(History history) {
        this.history = history;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read the history", description = "Up to `limit` retained events of `room` (absent: the "
            + "broadcasts) after `since`, in offset order; fewer than `limit` means the end was reached.")
    @APIResponse(responseCode = "200", description = "{\"events\": [event frames], \"recovered\": true|false}")
    @APIResponse(responseCode = "400", description = "A limit that is not an integer from 1 to 1000, or an invalid room",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "API keys are configured and the request has none or a wrong one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "With the Redis backplane, Redis did not answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<String> read(@Parameter(description = "The room; absent: the broadcasts") @QueryParam("room") String room,
            @Parameter(description = "An offset from a 202 or an event frame; absent: from the oldest retained")
            @QueryParam("since") String since,
            @Parameter(description = "1 to 1000, default 100") @QueryParam("limit") String limit) {
        Optional<String> target = Optional.ofNullable(room).filter(name -> !name.isEmpty());
        target.flatMap(NameRules::roomNameProblem).ifPresent(problem -> {
            throw ProblemException.badRequest("invalid-room", "Parameter 'room' " + problem);
        });
        int count = limit(limit);
        // The frames are JSON already, written once when their events were accepted.
        return history.page(target, Optional.ofNullable(since), count).map(page -> "{\"events\":["
                + String.join(",", page.frames()) + "],\"recovered\":" + page.recovered() + "}");
    }

    private static int limit(String limit) {
        if (limit == null) {
            return 100;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Refused below, as any other value out of range.
        }
        throw ProblemException.badRequest("invalid-limit", "Parameter 'limit' must be an integer from 1 to " + MAX_LIMIT
                + ", not '" + limit + "'");
    }
}
