package io.eventgate.health;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.eventgate.config.EventgateConfig;
import io.netty.util.concurrent.EventExecutor;
import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;

/**
 * DOWN when an event loop has not run a task for {@code eventgate.health.loop-stall}: each loop
 * runs a heartbeat task several times per stall period, and this check reads when it last ran. A
 * loop that is blocked (a full buffer pool, a blocking call) never runs it, so the node stops
 * getting traffic instead of accepting requests it cannot serve.
 */
@Readiness
@Singleton
@Startup
public class EventLoopReadinessCheck implements HealthCheck {

    static final String NAME = "eventgate-event-loops";

    private final long stallNanos;
    private final List<Heartbeat> heartbeats = new ArrayList<>();

    EventLoopReadinessCheck(Vertx vertx, EventgateConfig config) {
        this.stallNanos = config.health().loopStall().toNanos();
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(100), stallNanos / 5);
        for (EventExecutor loop : vertx.nettyEventLoopGroup()) {
            Heartbeat heartbeat = new Heartbeat();
            heartbeats.add(heartbeat);
            loop.scheduleAtFixedRate(heartbeat::beat, 0, period, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public HealthCheckResponse call() {
        long now = System.nanoTime();
        int stalled = 0;
        long longest = 0;
        for (Heartbeat heartbeat : heartbeats) {
            long silent = now - heartbeat.last;
            longest = Math.max(longest, silent);
            if (silent > stallNanos) {
                stalled++;
            }
        }
        return HealthCheckResponse.named(NAME).status(stalled == 0)
                .withData("loops", heartbeats.size())
                .withData("stalled", stalled)
                .withData("longest-silence-ms", TimeUnit.NANOSECONDS.toMillis(longest))
                .build();
    }

    private static final class Heartbeat {
        private volatile long last = System.nanoTime();

        void beat() {
            last = System.nanoTime();
        }
    }
}
