package io.eventgate.subscribe;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * A subscriber's token, as presented at the WebSocket handshake.
 */
final class SubscriberTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    SubscriberTokenRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }
}
