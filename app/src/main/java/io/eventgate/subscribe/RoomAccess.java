package io.eventgate.subscribe;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.eventgate.config.EventgateConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Which rooms a socket may join (docs/protocol.md section 6): any, while subscriber auth is off;
 * otherwise the public rooms and those its token grants. Broadcasts need no grant.
 */
@Singleton
public class RoomAccess {

    private static final Logger LOG = Logger.getLogger(RoomAccess.class);

    private final boolean required;
    private final RoomGrant publicRooms;

    public RoomAccess(EventgateConfig config) {
        this.required = config.subscribe().auth() == SubscribeConfig.Auth.REQUIRED;
        this.publicRooms = RoomGrant.of(config.subscribe().publicRooms().orElse(List.of()).stream()
                .map(String::trim).filter(room -> !room.isEmpty()).toList());
    }

    void announce(@Observes StartupEvent started) {
        if (required) {
            LOG.info("Subscribing requires a signed token (eventgate.subscribe.auth=required)");
        } else {
            LOG.warn("eventgate.subscribe.auth is off: any client that can reach /ws can join any room and read its "
                    + "events; set eventgate.subscribe.auth=required to let in only sockets with a signed token");
        }
    }

    /** Whether sockets need a token at all. */
    public boolean required() {
        return required;
    }

    /**
     * @param subscriber the socket's verified subscriber; {@code null} while auth is off
     */
    public boolean allows(Subscriber subscriber, String room) {
        return !required || publicRooms.allows(room) || subscriber != null && subscriber.rooms().allows(room);
    }
}
