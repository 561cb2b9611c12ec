package io.eventgate.delivery;

import java.util.UUID;

import jakarta.inject.Singleton;

/**
 * This instance of the service among its replicas: named in its delivery records, and how it
 * recognises its own messages on the backplane.
 */
@Singleton
public class NodeIdentity {

    private final String id = UUID.randomUUID().toString();

    public String id() {
        return id;
    }
}
