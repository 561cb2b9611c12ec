package io.eventgate.security;

import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import io.eventgate.http.ProblemWriter;
import io.eventgate.metrics.EventgateMetrics;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads an API key from {@code Authorization: Bearer <key>}. Endpoints choose it with
 * {@code @HttpAuthenticationMechanism(ApiKeyAuthenticationMechanism.SCHEME)}, so that a bearer
 * token meant for subscribers (a JWT) is never taken for a key there, nor a key for a JWT elsewhere.
 */
@Singleton
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The name endpoints select this mechanism by. */
    public static final String SCHEME = "api-key";

    private static final ChallengeData CHALLENGE = new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE,
            ProblemWriter.BEARER);

    private final ApiKeys keys;
    private final ProblemWriter problems;
    private final EventgateMetrics metrics;

    public ApiKeyAuthenticationMechanism(ApiKeys keys, ProblemWriter problems, EventgateMetrics metrics) {
        this.keys = keys;
        this.problems = problems;
        this.metrics = metrics;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Optional<String> key = BearerToken.of(context.request());
        if (key.isEmpty() && keys.required()) {
            // No credentials: anonymous, which the publisher policy answers with this mechanism's challenge.
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(new ApiKeyAuthenticationRequest(key.orElse("")))
                // A bearer that is no key (a subscriber's JWT, say) is anonymous here, not a failure:
                // other endpoints and mechanisms may accept it; the publishing ones refuse it.
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(CHALLENGE);
    }

    /** The challenge as a problem document, like every other refusal. */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        metrics.rejected(401, "unauthorized");
        problems.challenge(context, "A valid API key is required: send Authorization: Bearer <key>");
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }
}
