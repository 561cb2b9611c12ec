package io.eventgate.subscribe;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.Status;

import io.eventgate.http.Problem;
import io.eventgate.http.ProblemException;
import io.eventgate.security.ApiKeyAuthenticationMechanism;
import io.eventgate.security.Roles;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.build.JwtException;

/**
 * {@code POST /tokens}: a backend lets its users in without a JWT library of its own; the token is
 * signed with {@code smallrye.jwt.sign.key.location} (docs/protocol.md section 6). Signing runs on a
 * worker thread: an RSA signature is too long a task for an event loop.
 */
@Path("/tokens")
@RolesAllowed(Roles.PUBLISHER)
@SecurityRequirement(name = ApiKeyAuthenticationMechanism.SCHEME)
public class TokensResource {

    private static final Logger LOG = Logger.getLogger(TokensResource.class);

    private final TokenRequestParser parser;
    private final Optional<String> issuer;

    public TokensResource(TokenRequestParser parser,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer) {
        this.parser = parser;
        this.issuer = issuer;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mint a subscriber token", description = "Signs a JWT for `sub` that grants `rooms` "
            + "(exact names, or prefixes ending in `*`) for `ttl` (ISO-8601, default 10 minutes, cut to "
            + "eventgate.subscribe.max-token-ttl).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "a user's orders", value = "{\"sub\":\"u1\",\"rooms\":[\"orders:u1:*\"],\"ttl\":\"PT10M\"}")))
    @APIResponse(responseCode = "201", description = "Signed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MintedToken.class)))
    @APIResponse(responseCode = "400", description = "No sub, a bad ttl, rooms that are not an array of strings",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "API keys are configured and the request has none or a wrong one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No signing key is configured (smallrye.jwt.sign.key.location)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<MintedToken> mint(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        TokenRequest request = parser.parse(body, contentType);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(request.ttl());
        JwtClaimsBuilder claims = Jwt.subject(request.sub())
                .claim(SubscriberTokens.ROOMS_CLAIM, request.rooms())
                .issuedAt(now)
                .expiresAt(expiresAt);
        issuer.ifPresent(claims::issuer);
        try {
            return RestResponse.status(Status.CREATED, new MintedToken(claims.sign(), expiresAt.toString()));
        } catch (JwtException e) {
            LOG.warnf("POST /tokens could not sign: %s", e.getMessage());
            throw new ProblemException(Status.SERVICE_UNAVAILABLE, "signing-unavailable", "This service cannot sign "
                    + "tokens: no signing key is configured (smallrye.jwt.sign.key.location)");
        }
    }
}
