package io.eventgate.security;

/**
 * The roles of eventgate's callers, for {@code @RolesAllowed}.
 */
public final class Roles {

    /** A backend holding an API key (or anyone, while no key is configured): may publish and mint tokens. */
    public static final String PUBLISHER = "publisher";

    private Roles() {
    }
}
