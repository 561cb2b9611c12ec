package io.eventgate.subscribe;

import java.time.Instant;

/**
 * Who a socket is, by its verified token: the {@code sub} claim, when the grant ends ({@code exp}),
 * and the rooms it grants.
 */
public record Subscriber(String sub, Instant expiresAt, RoomGrant rooms) {
}
