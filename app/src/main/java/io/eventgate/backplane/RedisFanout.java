package io.eventgate.backplane;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.eventgate.config.EventgateConfig;
import io.eventgate.delivery.Delivery;
import io.eventgate.delivery.DeliveryRefusedException;
import io.eventgate.delivery.Fanout;
import io.eventgate.delivery.NodeIdentity;
import io.eventgate.delivery.SocketDelivery;
import io.eventgate.event.AcceptedEvent;
import io.eventgate.history.Offset;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * The fan-out of a cluster, through Redis pub/sub (as the Socket.IO Redis adapter and Centrifugo's
 * Redis engine do). The accepting node publishes each event once; every node, itself included,
 * delivers what its subscription receives to its own sockets. One subscription per node sees the
 * publishes in Redis's order, and a publish answers only once Redis has it, so events published
 * one after another reach every socket in that order, whichever nodes took them.
 * <p>
 * While Redis is away, a node delivers to its own sockets directly (or refuses, when
 * {@code eventgate.backplane.required}) and subscribes again by itself, with backoff, off any
 * request thread. An event that reaches a node twice is delivered once.
 */
// Not a Fanout bean of its own: the Fanout in use is the one FanoutProducer picks.
@Singleton
@Typed(RedisFanout.class)
public class RedisFanout implements Fanout {

    private static final Logger LOG = Logger.getLogger(RedisFanout.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final int REMEMBERED_IDS = 10_000;

    private final Instance<Redis> redisClient;
    private final SocketDelivery local;
    private final NodeIdentity node;
    private final BackplaneConfig config;
    private final Vertx vertx;
    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final RecentIds recent = new RecentIds(REMEMBERED_IDS);
    /** The events this node published that its subscription has not brought back yet. */
    private final Set<String> echoes = ConcurrentHashMap.newKeySet();

    private Redis redis;
    private volatile boolean subscribed;
    private volatile boolean stopping;
    private volatile String problem = "not subscribed yet";
    /** The connection of the current subscription; only its loss counts (a broken one reports it more than once). */
    private volatile RedisConnection subscriber;

    public RedisFanout(Instance<Redis> redisClient, SocketDelivery local, NodeIdentity node, EventgateConfig config,
            Vertx vertx, ObjectMapper mapper) {
        this.redisClient = redisClient;
        this.local = local;
        this.node = node;
        this.config = config.backplane();
        this.vertx = vertx;
        this.writer = mapper.writerFor(BackplaneMessage.class);
        this.reader = mapper.readerFor(BackplaneMessage.class);
    }

    /** Subscribes (in the background) and returns this fan-out. */
    public RedisFanout start() {
        redis = redisClient.get();
        subscribe();
        return this;
    }

    /** No offsets yet: the history of the replicas (in Redis) is still to come. */
    @Override
    public Uni<Optional<Offset>> publish(AcceptedEvent event) {
        return send(local.prepare(event, Optional.empty())).replaceWith(Optional.empty());
    }

    private Uni<Void> send(Delivery delivery) {
        if (!subscribed) {
            return withoutBackplane(delivery, problem);
        }
        echoes.add(delivery.id());
        return redis.send(Request.cmd(Command.PUBLISH).arg(config.channel()).arg(encode(delivery)))
                .ifNoItem().after(config.publishTimeout()).fail()
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> withoutBackplane(delivery, failure.toString()));
    }

    /** Every event this node published has come back through the subscription, or was delivered without it. */
    @Override
    public boolean settled() {
        return echoes.isEmpty();
    }

    /** Whether this node receives the cluster's events now. */
    public boolean connected() {
        return subscribed;
    }

    /** Why it does not, when it does not. */
    public Optional<String> problem() {
        return subscribed ? Optional.empty() : Optional.of(problem);
    }

    public boolean required() {
        return config.required();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        closeQuietly(subscriber);
    }

    private Uni<Void> withoutBackplane(Delivery delivery, String reason) {
        if (config.required()) {
            echoes.remove(delivery.id());
            return Uni.createFrom().failure(new DeliveryRefusedException("The Redis backplane is unavailable (" + reason
                    + ") and cross-node delivery is required (eventgate.backplane.required=true)"));
        }
        return deliverOnce(delivery);
    }

    /**
     * Connects and subscribes, retrying with Mutiny's exponential backoff and jitter (up to
     * {@code eventgate.backplane.max-reconnect-backoff}) until it succeeds or the node stops.
     */
    private void subscribe() {
        Uni.createFrom().deferred(this::connectAndSubscribe)
                .onFailure().invoke(failure -> problem = failure.toString())
                .onFailure(failure -> !stopping).retry()
                .withBackOff(FIRST_BACKOFF, config.maxReconnectBackoff()).indefinitely()
                .subscribe().with(this::subscribed, failure -> LOG.debugf("Stopped subscribing: %s", failure));
    }

    private Uni<RedisConnection> connectAndSubscribe() {
        return redis.connect().chain(connection -> {
            subscriber = connection;
            connection.handler(this::receive);
            connection.exceptionHandler(failure -> lost(connection, failure));
            connection.endHandler(() -> lost(connection, new IllegalStateException("connection closed")));
            return connection.send(Request.cmd(Command.SUBSCRIBE).arg(config.channel()))
                    .replaceWith(connection)
                    .onFailure().invoke(failure -> {
                        subscriber = null;
                        closeQuietly(connection);
                    });
        });
    }

    private void subscribed(RedisConnection connection) {
        if (stopping) {
            closeQuietly(connection);
            return;
        }
        subscribed = true;
        LOG.infof("Node %s subscribed to the Redis backplane (channel %s)", node.id(), config.channel());
    }

    /** Called once or more per broken connection; acts once, for the current subscription's. */
    private synchronized void lost(RedisConnection connection, Throwable failure) {
        if (connection != subscriber || stopping) {
            return;
        }
        subscriber = null;
        problem = failure.toString();
        if (subscribed) {
            LOG.warnf("Node %s lost the Redis backplane (%s): delivering to its own sockets only until it is back",
                    node.id(), problem);
        }
        subscribed = false;
        // What the lost subscription did not bring back will not come back through it.
        echoes.clear();
        closeQuietly(connection);
        // A pause first, so that a server that accepts and then drops every subscription is not hammered.
        vertx.setTimer(FIRST_BACKOFF.toMillis(), timer -> subscribe());
    }

    /** A pub/sub push: {@code ["message", channel, payload]}; other pushes are not ours. */
    private void receive(Response push) {
        if (push.size() != 3 || !"message".equals(push.get(0).toString())) {
            return;
        }
        try {
            BackplaneMessage message = reader.readValue(push.get(2).toString());
            // The subscription is one ordered stream: it is not held up by the sockets of one event.
            deliverOnce(message.delivery()).subscribe().with(delivered -> {
            }, failure -> LOG.debugf("Delivery of %s failed: %s", message.id(), failure));
        } catch (IOException e) {
            LOG.warnf("Ignored a message on %s that is not an eventgate event: %s", config.channel(), e.getMessage());
        }
    }

    private Uni<Void> deliverOnce(Delivery delivery) {
        echoes.remove(delivery.id());
        return recent.firstTime(delivery.id()) ? local.deliver(delivery) : Uni.createFrom().voidItem();
    }

    private String encode(Delivery delivery) {
        try {
            return writer.writeValueAsString(BackplaneMessage.of(node.id(), delivery));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A message of strings always serialises", e);
        }
    }

    /** Closing a connection that is already broken may fail too; there is nothing left to do then. */
    private static void closeQuietly(RedisConnection connection) {
        if (connection != null) {
            connection.close().subscribe().with(closed -> {
            }, failure -> {
            });
        }
    }
}
