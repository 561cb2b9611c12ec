package io.eventgate.subscribe;

import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import io.eventgate.config.EventgateConfig;
import io.eventgate.http.ProblemWriter;
import io.eventgate.metrics.EventgateMetrics;
import io.eventgate.security.BearerToken;
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
 * Reads a subscriber's token at the WebSocket handshake, from {@code ?token=} (the one way a
 * browser can send it) or {@code Authorization: Bearer}, when {@code eventgate.subscribe.auth=required}.
 * Selected for {@code /ws} by the {@code subscribers} permission in {@code application.properties};
 * a missing or invalid token gets 401 problem+json before the upgrade.
 */
@Singleton
public class SubscriberAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The name {@code /ws} selects this mechanism by. */
    public static final String SCHEME = "subscriber-token";

    private static final String PATH = "/ws";
    private static final String REFUSAL = SubscriberAuthenticationMechanism.class.getName() + ".refusal";
    private static final ChallengeData CHALLENGE = new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE,
            ProblemWriter.BEARER);

    private final boolean required;
    private final ProblemWriter problems;
    private final EventgateMetrics metrics;

    public SubscriberAuthenticationMechanism(EventgateConfig config, ProblemWriter problems, EventgateMetrics metrics) {
        this.required = config.subscribe().auth() == SubscribeConfig.Auth.REQUIRED;
        this.problems = problems;
        this.metrics = metrics;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (!required || !PATH.equals(context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        Optional<String> token = token(context);
        if (token.isEmpty()) {
            return refuse(context, new AuthenticationFailedException(
                    "A token is required: connect with ?token=<jwt> or Authorization: Bearer <jwt>"));
        }
        return identities.authenticate(new SubscriberTokenRequest(token.get()))
                .onFailure(AuthenticationFailedException.class)
                .recoverWithUni(failure -> refuse(context, failure));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(CHALLENGE);
    }

    /** The challenge as a problem document that says what was wrong with the token. */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        String reason = context.get(REFUSAL);
        metrics.socketRefused("unauthorized");
        problems.challenge(context, reason == null ? "A valid token is required to subscribe" : reason);
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SubscriberTokenRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }

    private static Uni<SecurityIdentity> refuse(RoutingContext context, Throwable failure) {
        context.put(REFUSAL, failure.getMessage());
        return Uni.createFrom().failure(failure);
    }

    /** The header when there is one; otherwise {@code ?token=}, the one way a browser can send it. */
    private static Optional<String> token(RoutingContext context) {
        return BearerToken.of(context.request())
                .or(() -> Optional.ofNullable(context.request().getParam("token")).filter(token -> !token.isEmpty()));
    }

}
