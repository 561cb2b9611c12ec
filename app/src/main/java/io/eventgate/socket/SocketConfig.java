package io.eventgate.socket;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;

/**
 * Limits that keep one client from exhausting the server, or hurting the other clients, through
 * its socket.
 */
public interface SocketConfig {

    /**
     * The most rooms one connection may be in at once; a join past it gets an {@code error} frame.
     */
    @WithDefault("100")
    int maxRoomsPerConnection();

    /**
     * The largest message a client may send; a larger one gets an {@code error} frame and the
     * socket stays open. Messages above {@code quarkus.websockets-next.server.max-message-size}
     * close the connection (1009).
     */
    @WithDefault("64K")
    MemorySize maxFrameSize();

    /**
     * The most bytes of frames a socket may have waiting to be taken by its client. Past it the
     * socket is closed with 1008 ({@code slow consumer}), so that memory stays bounded and the
     * other sockets keep receiving.
     */
    @WithDefault("1M")
    MemorySize maxPendingBytes();

    /**
     * The most open sockets on this node; past it a handshake gets 503.
     */
    @WithDefault("100000")
    int maxConnections();

    /**
     * The most messages and pings one socket may send per second. Past it a message gets an
     * {@code error} frame and is not processed; at three times the rate the socket is closed with
     * 1008.
     */
    @WithDefault("100")
    int maxInboundRate();
}
