package io.eventgate.subscribe;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.eventgate.config.EventgateConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Which rooms a socket may join (docs/protocol.md section 6): any, while subscriber auth is off;
 * otherwise the public rooms and those its token grants. Broadcasts need no grant.
 */
@Singleton
public class RoomAccess {

    private static final Logger LOG = Logger.getLogger(RoomAccess.class);

    /** Where smallrye-jwt may find the key that verifies tokens: one of them must be set when auth is on. */
    private static final List<String> VERIFICATION_KEYS = List.of("mp.jwt.verify.publickey.location",
            "mp.jwt.verify.publickey", "smallrye.jwt.verify.key.location", "smallrye.jwt.verify.key");

    private final boolean required;
    private final RoomGrant publicRooms;

    public RoomAccess(EventgateConfig config) {
        this.required = config.subscribe().auth() == SubscribeConfig.Auth.REQUIRED;
        this.publicRooms = RoomGrant.of(config.subscribe().publicRooms().orElse(List.of()).stream()
                .map(String::trim).filter(room -> !room.isEmpty()).toList());
    }

    void announce(@Observes StartupEvent started) {
        if (required) {
            Config config = ConfigProvider.getConfig();
            if (VERIFICATION_KEYS.stream().noneMatch(key -> config.getOptionalValue(key, String.class).isPresent())) {
                throw new ConfigurationException("eventgate.subscribe.auth=required needs the key that verifies "
                        + "tokens: set mp.jwt.verify.publickey.location (RS256/ES256, PEM or JWKS), or "
                        + "smallrye.jwt.verify.key.location with smallrye.jwt.verify.algorithm=HS256");
            }
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
