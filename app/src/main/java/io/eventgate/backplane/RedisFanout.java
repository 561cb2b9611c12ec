package io.eventgate.backplane;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import io.eventgate.config.EventgateConfig;
import io.eventgate.delivery.Delivery;
import io.eventgate.delivery.DeliveryRefusedException;
import io.eventgate.delivery.Fanout;
import io.eventgate.delivery.NodeIdentity;
import io.eventgate.delivery.SocketDelivery;
import io.eventgate.event.AcceptedEvent;
import io.eventgate.history.Offset;
import io.eventgate.metrics.EventgateMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;

/**
 * The fan-out of a cluster, and its history, through Redis: one mechanism for both, so that order,
 * offsets and replay cannot disagree. The accepting replica runs {@code append.lua}, which numbers
 * the event from the one cluster-wide sequence and appends its frame to the room's stream (the
 * history) and to the log; every replica, itself included, reads the log ({@link LogReader}) and
 * delivers to its own sockets.
 * <p>
 * Why the order holds: Redis runs each script as one step, so sequence order is the order of the
 * log; each replica reads the log on one connection and queues deliveries in the order it reads;
 * so every socket gets its events in offset order, whichever replicas took them. A publish
 * answers once Redis has the event, so events published one after another keep their order.
 * <p>
 * While Redis is away, a replica delivers to its own sockets directly, without an offset (or
 * refuses, when {@code eventgate.backplane.required}), and reads the log again by itself, with
 * backoff, off any request thread, from where it stopped.
 */
// Not a Fanout bean of its own: the Fanout in use is the one FanoutProducer picks.
@Singleton
@Typed(RedisFanout.class)
public class RedisFanout implements Fanout {

    private static final int REMEMBERED_IDS = 10_000;
    private static final RedisScript APPEND = RedisScript.load("append.lua");

    private final Instance<Redis> redisClient;
    private final SocketDelivery local;
    private final NodeIdentity node;
    private final BackplaneConfig config;
    private final Vertx vertx;
    private final RedisKeys keys;
    private final EventgateMetrics metrics;
    private final String maxEvents;
    private final String logMaxEvents;
    /** The events delivered here without the backplane, so that one that reached Redis after all is delivered once. */
    private final RecentIds direct = new RecentIds(REMEMBERED_IDS);

    private Redis redis;
    private LogReader log;

    public RedisFanout(Instance<Redis> redisClient, SocketDelivery local, NodeIdentity node, EventgateConfig config,
            Vertx vertx, EventgateMetrics metrics) {
        this.metrics = metrics;
        this.redisClient = redisClient;
        this.local = local;
        this.node = node;
        this.config = config.backplane();
        this.vertx = vertx;
        this.keys = new RedisKeys(config.backplane().keyPrefix());
        this.maxEvents = String.valueOf(config.history().maxEvents());
        this.logMaxEvents = String.valueOf(config.backplane().logMaxEvents());
    }

    /** Starts reading the log (in the background) and returns this fan-out. */
    public RedisFanout start() {
        redis = redisClient.get();
        log = new LogReader(redis, keys, local, node, config, direct, vertx);
        log.start();
        return this;
    }

    @Override
    public Uni<Optional<Offset>> publish(AcceptedEvent event) {
        if (!log.reading()) {
            return withoutBackplane(event, log.problem().orElse("not reading"));
        }
        List<String> appendKeys = List.of(keys.epoch(), keys.sequence(), keys.logs(), keys.rooms(), keys.forgotten(),
                keys.stream(event.room()));
        List<String> args = List.of(event.frame().opening(), event.id(), event.event(), event.room().orElse(""),
                String.valueOf(event.acceptedAt().toEpochMilli()), maxEvents, logMaxEvents);
        return APPEND.run(redis::send, appendKeys, args)
                .onFailure(HistoryEpoch::missing).recoverWithUni(() -> HistoryEpoch.current(redis::send, keys)
                        .chain(() -> APPEND.run(redis::send, appendKeys, args)))
                .ifNoItem().after(config.publishTimeout()).fail()
                .map(answer -> {
                    Offset offset = new Offset(answer.get(0).toString(), answer.get(1).toLong());
                    log.appended(offset);
                    return Optional.of(offset);
                })
                .onFailure().recoverWithUni(failure -> withoutBackplane(event, failure.toString()));
    }

    /** Every event this node published has come back through the log, or was delivered without it. */
    @Override
    public boolean settled() {
        return log.settled();
    }

    /** Why this node does not receive the cluster's events now, when it does not. */
    public Optional<String> problem() {
        return log.problem();
    }

    public boolean required() {
        return config.required();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (log != null) {
            log.stop();
        }
    }

    private Uni<Optional<Offset>> withoutBackplane(AcceptedEvent event, String reason) {
        if (config.required()) {
            return Uni.createFrom().failure(new DeliveryRefusedException("The Redis backplane is unavailable (" + reason
                    + ") and cross-node delivery is required (eventgate.backplane.required=true)"));
        }
        direct.firstTime(event.id());
        metrics.unnumbered();
        return local.deliver(Delivery.unnumbered(event)).replaceWith(Optional.empty());
    }
}
