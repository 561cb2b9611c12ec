package io.eventgate.logger.runtime.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.eventgate.logger.runtime.pipeline.QueuedStore;
import io.eventgate.logger.runtime.pipeline.QueuedStores;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Readiness of the stores the event loggers use: each is pinged, and one that does not answer is
 * reported {@code degraded} with its reason. The check itself stays UP: records keep flowing to the
 * failover strategy, so the application can keep serving.
 */
@Readiness
@Singleton
public class EventLogStoresReadinessCheck implements AsyncHealthCheck {

    public static final String NAME = "event-logger";
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

    private final QueuedStores queues;

    public EventLogStoresReadinessCheck(QueuedStores queues) {
        this.queues = queues;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        // One ping per strategy: the stores of one strategy share its client.
        Map<String, QueuedStore> stores = new LinkedHashMap<>();
        List<QueuedStore> queued = queues.stores();
        queued.forEach(store -> stores.putIfAbsent(store.strategyName(), store));
        if (stores.isEmpty()) {
            return Uni.createFrom().item(HealthCheckResponse.up(NAME));
        }
        List<Uni<Map.Entry<String, String>>> pings = stores.entrySet().stream()
                .map(store -> state(store.getKey(), store.getValue()))
                .toList();
        return Uni.join().all(pings).andCollectFailures().map(states -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
            states.forEach(state -> response.withData(state.getKey(), state.getValue()));
            queued.forEach(store -> response.withData(store.loggerName() + "." + store.strategyName() + ".queued",
                    store.depth()));
            return response.build();
        });
    }

    private static Uni<Map.Entry<String, String>> state(String name, QueuedStore store) {
        return store.ping()
                .ifNoItem().after(PING_TIMEOUT).fail()
                .map(ok -> Map.entry(name, "up"))
                .onFailure().recoverWithItem(failure -> Map.entry(name, "degraded: " + failure));
    }
}
