package io.eventgate.socket;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits that keep one client from exhausting the server through its socket.
 */
@ConfigMapping(prefix = "eventgate.socket")
public interface SocketConfig {

    /**
     * The most rooms one connection may be in at once; a join past it gets an {@code error} frame.
     */
    @WithDefault("100")
    int maxRoomsPerConnection();

    /**
     * The largest text frame a client may send; a larger one gets an {@code error} frame. Frames
     * above {@code quarkus.websockets-next.server.max-message-size} close the connection (1009).
     */
    @WithDefault("64K")
    MemorySize maxFrameSize();
}
