package io.eventgate.socket;

import java.util.List;
import java.util.Optional;

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
     * The kernel's send buffer of each WebSocket connection ({@code SO_SNDBUF}). Left to itself,
     * Linux grows the buffer of a connection whose client stops reading up to
     * {@code net.ipv4.tcp_wmem}'s maximum (4 MiB by default), memory that counts against the pod's
     * limit and that {@code max-pending-bytes} does not see; bounded, a stalled client holds at most
     * about twice this in the kernel (Linux doubles it for its bookkeeping) on top of
     * {@code max-pending-bytes}, and is found slow sooner. A client a round trip away cannot
     * receive faster than about this much per round trip. The kernel caps it at
     * {@code net.core.wmem_max} (208 KiB by default) without a word. {@code 0} leaves it to the kernel.
     */
    @WithDefault("128K")
    MemorySize sendBuffer();

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

    /**
     * Web origins whose pages may open a socket, besides the service's own (the scheme and
     * {@code Host} of the handshake; behind a TLS proxy set
     * {@code quarkus.http.proxy.proxy-address-forwarding=true} so that the scheme is the client's).
     * A browser handshake from any other origin gets 403, whether subscriber auth is on or off, so
     * that a page the user happens to open cannot read events through the user's browser. Given as
     * {@code scheme://host[:port]}, e.g. {@code https://app.example.com}; {@code *} allows every
     * origin. A handshake without {@code Origin} (not a browser) is allowed; {@code Origin: null}
     * (a sandboxed or file page) is refused.
     */
    Optional<List<String>> allowedOrigins();
}
