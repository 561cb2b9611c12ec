package io.eventgate.history;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;

/**
 * What is kept for resume and {@code GET /history} (docs/protocol.md section 4), per room and for
 * broadcasts. With one node the history is in memory: it survives reconnects, not restarts.
 */
public interface HistoryConfig {

    /** The most events kept per room, and for broadcasts. */
    @WithDefault("1000")
    int maxEvents();

    /**
     * The most bytes of frames the history of this node keeps, all rooms together; past it the
     * oldest events go first, so that memory stays bounded whatever the publishers send.
     */
    @WithDefault("16M")
    MemorySize maxBytes();

    /** How long an event is kept. */
    @WithDefault("10M")
    Duration ttl();
}
