package io.eventgate.subscribe;

import jakarta.inject.Singleton;

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
 * socket to read. Verification runs off the event loop when it may wait for the network
 * ({@link SubscriberTokens#mayBlock()}).
 */
@Singleton
public class SubscriberIdentityProvider implements IdentityProvider<SubscriberTokenRequest> {

    /** The identity attribute that holds the {@link Subscriber}. */
    public static final String SUBSCRIBER = "eventgate.subscriber";

    private final SubscriberTokens tokens;

    public SubscriberIdentityProvider(SubscriberTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<SubscriberTokenRequest> getRequestType() {
        return SubscriberTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SubscriberTokenRequest request, AuthenticationRequestContext context) {
        if (tokens.mayBlock()) {
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
