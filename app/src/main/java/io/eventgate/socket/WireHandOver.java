package io.eventgate.socket;

import jakarta.inject.Singleton;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;

/**
 * Hands the handshake's {@link SocketWire} to the socket through the connection's user data, the
 * way websockets-next carries things from the HTTP upgrade to the connection.
 */
@Singleton
public class WireHandOver implements HttpUpgradeCheck {

    /** The key of the {@link SocketWire} in {@code WebSocketConnection.userData()}. */
    static final UserData.TypedKey<SocketWire> WIRE = new UserData.TypedKey<>("eventgate.wire");

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        context.userData().put(WIRE, VertxChannels.wire(context.httpRequest()));
        return CheckResult.permitUpgrade();
    }
}
