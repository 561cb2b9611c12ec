package io.eventgate.backplane;

import java.util.Locale;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.eventgate.config.EventgateConfig;
import io.eventgate.delivery.FanoutMode;


/**
 * Whether events published here reach the other replicas. Without Redis the node still serves
 * its own sockets, so it stays ready and says {@code degraded}, unless cross-node delivery is
 * required.
 */
@Readiness
@Singleton
public class BackplaneReadinessCheck implements HealthCheck {

    static final String NAME = "eventgate-backplane";

    private final FanoutMode mode;
    private final Instance<RedisFanout> redis;

    public BackplaneReadinessCheck(EventgateConfig config, Instance<RedisFanout> redis) {
        this.mode = config.fanout();
        this.redis = redis;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("fanout",
                mode.name().toLowerCase(Locale.ROOT));
        if (mode == FanoutMode.LOCAL) {
            return response.up().build();
        }
        RedisFanout fanout = redis.get();
        return fanout.problem()
                .map(problem -> response.status(!fanout.required()).withData("backplane", "degraded: " + problem))
                .orElseGet(() -> response.up().withData("backplane", "connected"))
                .build();
    }
}
