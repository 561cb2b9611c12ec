package io.eventgate.subscribe;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer of {@code POST /tokens}.
 */
@RegisterForReflection
@Schema(description = "A signed subscriber token")
public record MintedToken(@Schema(description = "The JWT, for ?token= or Authorization: Bearer") String token,
        @Schema(description = "When it expires, ISO-8601 UTC") String expiresAt) {
}
