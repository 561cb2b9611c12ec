package io.eventgate.health;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * When this node says it is not ready.
 */
public interface HealthConfig {

    /**
     * How long an event loop may go without running a task before readiness is DOWN: a wedged
     * node never reports UP.
     */
    @WithDefault("5s")
    Duration loopStall();
}
