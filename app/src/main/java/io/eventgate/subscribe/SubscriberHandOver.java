package io.eventgate.subscribe;

import jakarta.inject.Singleton;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;

/**
 * Hands the subscriber that Quarkus Security found at the handshake to the socket, through the
 * connection's user data: websockets-next's own way from the HTTP upgrade to the connection.
 */
@Singleton
public class SubscriberHandOver implements HttpUpgradeCheck {

    /** The key of the {@link Subscriber} in {@code WebSocketConnection.userData()}; absent when auth is off. */
    public static final UserData.TypedKey<Subscriber> SUBSCRIBER = new UserData.TypedKey<>(
            SubscriberIdentityProvider.SUBSCRIBER);

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        Uni<SecurityIdentity> identity = context.securityIdentity();
        if (identity == null) {
            return CheckResult.permitUpgrade();
        }
        return identity.map(found -> {
            if (found != null && found.getAttribute(SubscriberIdentityProvider.SUBSCRIBER) instanceof Subscriber subscriber) {
                context.userData().put(SUBSCRIBER, subscriber);
            }
            return CheckResult.permitUpgradeSync();
        });
    }
}
