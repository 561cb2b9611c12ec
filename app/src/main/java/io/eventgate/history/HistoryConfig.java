package io.eventgate.history;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * What is kept for resume and {@code GET /history} (docs/protocol.md section 4), per room and for
 * broadcasts. With one node the history is in memory: it survives reconnects, not restarts.
 */
public interface HistoryConfig {

    /** The most events kept per room, and for broadcasts. */
    @WithDefault("1000")
    int maxEvents();

    /** How long an event is kept. */
    @WithDefault("10M")
    Duration ttl();
}
