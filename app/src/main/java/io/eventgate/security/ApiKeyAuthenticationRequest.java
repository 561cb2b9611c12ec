package io.eventgate.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * An API key presented as {@code Authorization: Bearer <key>}; absent when the request carries
 * none and no key is configured (open publishing).
 */
final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
