package io.eventgate.security;

import java.util.OptionalInt;

import jakarta.inject.Singleton;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Turns an API key into a publisher: the principal is {@code api-key-<n>}, {@code n} the key's
 * position in {@code eventgate.api-keys} (never the key itself, which is not logged anywhere), so
 * rate limits and logs can tell publishers apart. Without keys configured, every caller is the
 * one publisher {@code open}.
 */
@Singleton
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    /** The publisher every caller is while no API key is configured. */
    static final String OPEN_PUBLISHER = "open";

    private final ApiKeys keys;

    public ApiKeyIdentityProvider(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!keys.required()) {
            return Uni.createFrom().item(publisher(OPEN_PUBLISHER));
        }
        OptionalInt key = keys.find(request.key());
        if (key.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("not one of eventgate.api-keys"));
        }
        return Uni.createFrom().item(publisher("api-key-" + key.getAsInt()));
    }

    private static SecurityIdentity publisher(String name) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addRole(Roles.PUBLISHER)
                .build();
    }
}
