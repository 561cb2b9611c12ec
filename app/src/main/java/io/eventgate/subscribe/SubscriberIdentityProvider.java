package io.eventgate.subscribe;

import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Turns a verified subscriber token into the socket's identity: the principal is the token's
 * {@code sub}, and the {@link Subscriber} rides along as the attribute {@link #SUBSCRIBER} for the
 * socket to read. Verification runs off the event loop when the keys are fetched over HTTP, as
 * quarkus-smallrye-jwt does for its own mechanism.
 */
@Singleton
public class SubscriberIdentityProvider implements IdentityProvider<SubscriberTokenRequest> {

    /** The identity attribute that holds the {@link Subscriber}. */
    public static final String SUBSCRIBER = "eventgate.subscriber";

    private final SubscriberTokens tokens;
    private final boolean remoteKeys;

    public SubscriberIdentityProvider(SubscriberTokens tokens,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation) {
        this.tokens = tokens;
        this.remoteKeys = keyLocation.map(location -> location.startsWith("http:") || location.startsWith("https:"))
                .orElse(false);
    }

    @Override
    public Class<SubscriberTokenRequest> getRequestType() {
        return SubscriberTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SubscriberTokenRequest request, AuthenticationRequestContext context) {
        if (remoteKeys) {
            return context.runBlocking(() -> identity(request.token()));
        }
        try {
            return Uni.createFrom().item(identity(request.token()));
        } catch (AuthenticationFailedException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private SecurityIdentity identity(String token) {
        try {
            Subscriber subscriber = tokens.verify(token);
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(subscriber.sub()))
                    .addAttribute(SUBSCRIBER, subscriber)
                    .build();
        } catch (InvalidTokenException e) {
            throw new AuthenticationFailedException(e.getMessage(), e);
        }
    }
}
