package io.eventgate.socket;

import jakarta.inject.Singleton;

import io.eventgate.subscribe.Subscriber;
import io.eventgate.subscribe.SubscriberIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;

/**
 * Hands a handshake over to its socket through the connection's user data, websockets-next's own way
 * from the HTTP upgrade to the connection: the socket's {@link SocketWire}, and the {@link Subscriber}
 * that Quarkus Security found. Then, the identity read, it lets go of the handshake
 * ({@link VertxChannels#release}), so that the socket does not keep it for its whole life.
 */
@Singleton
public class HandshakeHandOver implements HttpUpgradeCheck {

    /** The key of the {@link Subscriber} in {@code WebSocketConnection.userData()}; absent when auth is off. */
    static final UserData.TypedKey<Subscriber> SUBSCRIBER = new UserData.TypedKey<>(
            SubscriberIdentityProvider.SUBSCRIBER);

    /** The key of the {@link SocketWire} in {@code WebSocketConnection.userData()}. */
    static final UserData.TypedKey<SocketWire> WIRE = new UserData.TypedKey<>("eventgate.wire");

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        context.userData().put(WIRE, VertxChannels.wire(context.httpRequest()));
        Uni<SecurityIdentity> identity = context.securityIdentity();
        Uni<SecurityIdentity> read = identity == null ? Uni.createFrom().nullItem() : identity;
        return read.map(found -> {
            if (found != null && found.getAttribute(SubscriberIdentityProvider.SUBSCRIBER) instanceof Subscriber subscriber) {
                context.userData().put(SUBSCRIBER, subscriber);
            }
            return CheckResult.permitUpgradeSync();
        }).eventually(() -> VertxChannels.release(context.httpRequest()));
    }
}
