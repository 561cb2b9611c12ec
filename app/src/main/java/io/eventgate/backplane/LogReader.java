package io.eventgate.backplane;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import io.eventgate.delivery.Delivery;
import io.eventgate.delivery.NodeIdentity;
import io.eventgate.delivery.SocketDelivery;
import io.eventgate.history.Offset;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Reads the cluster's log ({@code append.lua} writes it) on one connection of its own and hands
 * each event to this node's sockets, in log order, which is sequence order: so every replica
 * delivers in the same order, and a replica that lost Redis for a while goes on after the last
 * event it read once it is back, instead of losing what was published meanwhile.
 * <p>
 * Each read blocks in Redis for a short while at most; an idle answer is when it checks that the
 * history it reads is still the current one: a Redis that was emptied starts another, with a log of
 * its own, so that the log of an older one goes idle rather than handing out the new one's events
 * as if they followed its own.
 */
final class LogReader {

    private static final Logger LOG = Logger.getLogger(LogReader.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration BLOCK = Duration.ofSeconds(1);
    private static final int BATCH = 1000;

    private final Redis redis;
    private final RedisKeys keys;
    private final SocketDelivery local;
    private final NodeIdentity node;
    private final BackplaneConfig config;
    private final RecentIds direct;
    private final Vertx vertx;
    /** The newest event this node appended, in the history it went to; see {@link #settled()}. */
    private final AtomicReference<Offset> appended = new AtomicReference<>();

    /** Written by one read at a time (each read starts when the previous one ended), read by {@link #settled()}. */
    private volatile String epoch = "";
    /** The history this reader left for a new one: what was appended to it will never come back. */
    private volatile String left = "";
    private volatile long last = -1;
    private volatile boolean reading;
    private volatile boolean stopping;
    private volatile String problem = "not connected yet";
    private volatile RedisConnection connection;

    LogReader(Redis redis, RedisKeys keys, SocketDelivery local, NodeIdentity node, BackplaneConfig config,
            RecentIds direct, Vertx vertx) {
        this.vertx = vertx;
        this.redis = redis;
        this.keys = keys;
        this.local = local;
        this.node = node;
        this.config = config;
        this.direct = direct;
    }

    /**
     * Connects and reads, retrying with Mutiny's exponential backoff and jitter (up to
     * {@code eventgate.backplane.max-reconnect-backoff}) until it succeeds or the node stops.
     */
    void start() {
        Uni.createFrom().deferred(this::connect)
                .onFailure().invoke(failure -> problem = failure.toString())
                .onFailure(failure -> !stopping).retry()
                .withBackOff(FIRST_BACKOFF, config.maxReconnectBackoff()).indefinitely()
                .subscribe().with(this::connected, failure -> LOG.debugf("Stopped reading the log: %s", failure));
    }

    void stop() {
        stopping = true;
        reading = false;
        closeQuietly(connection);
    }

    boolean reading() {
        return reading;
    }

    Optional<String> problem() {
        return reading ? Optional.empty() : Optional.of(problem);
    }

    /** This node appended the event at {@code offset}. */
    void appended(Offset offset) {
        appended.accumulateAndGet(offset, (held, added) -> held == null || !held.epoch().equals(added.epoch())
                || held.seq() < added.seq() ? added : held);
    }

    /**
     * Every event this node appended has come back through the log, or will not: while Redis is
     * away, or because the history it went to was lost (a Redis that restarted empty starts its
     * sequence again, below what this node appended before).
     */
    boolean settled() {
        Offset newest = appended.get();
        return !reading || newest == null || newest.epoch().equals(left)
                || newest.epoch().equals(epoch) && last >= newest.seq();
    }

    private Uni<RedisConnection> connect() {
        return redis.connect().chain(opened -> position(opened).replaceWith(opened)
                .onFailure().invoke(() -> closeQuietly(opened)));
    }

    /**
     * Where to read from: at the first connection, after the last event Redis has (a node that
     * starts has no socket that missed anything); afterwards, after the last event read, unless
     * the history is another one now.
     */
    private Uni<Void> position(RedisConnection on) {
        return HistoryEpoch.current(on::send, keys).invoke(current -> {
            if (last < 0) {
                last = current.last();
            } else if (!epoch.equals(current.epoch())) {
                LOG.warnf("Node %s found a new history in Redis (epoch %s, was %s): reading it from its start",
                        node.id(), current.epoch(), epoch);
                left = epoch;
                last = 0;
            }
            epoch = current.epoch();
        }).replaceWithVoid();
    }

    private void connected(RedisConnection opened) {
        if (stopping) {
            closeQuietly(opened);
            return;
        }
        connection = opened;
        opened.exceptionHandler(failure -> lost(opened, failure));
        opened.endHandler(() -> lost(opened, new IllegalStateException("connection closed")));
        reading = true;
        LOG.infof("Node %s reads the Redis backplane (%s) after event %d", node.id(), keys.log(epoch), last);
        read(opened);
    }

    private void read(RedisConnection on) {
        if (on != connection || stopping) {
            return;
        }
        on.send(Request.cmd(Command.XREAD).arg("COUNT").arg(BATCH).arg("BLOCK").arg(BLOCK.toMillis())
                .arg("STREAMS").arg(keys.log(epoch)).arg(last + "-0"))
                .ifNoItem().after(BLOCK.plus(config.publishTimeout())).fail()
                .subscribe().with(answer -> {
                    if (answer == null) {
                        position(on).subscribe().with(checked -> read(on), failure -> lost(on, failure));
                    } else {
                        deliver(answer.isMap() ? answer.get(keys.log(epoch)) : answer.get(0).get(1));
                        read(on);
                    }
                }, failure -> lost(on, failure));
    }

    /** Entries {@code [id, [i, id, e, event, r, room, a, acceptedAt, f, frame]]}, in sequence order. */
    private void deliver(Response entries) {
        for (Response entry : entries) {
            String entryId = entry.get(0).toString();
            long seq = Long.parseLong(entryId.substring(0, entryId.indexOf('-')));
            if (last > 0 && seq > last + 1) {
                LOG.warnf("Node %s missed events %d to %d: the log no longer held them when it read again"
                        + " (eventgate.backplane.log-max-events)", node.id(), last + 1, seq - 1);
            }
            last = seq;
            Response fields = entry.get(1);
            String id = fields.get(1).toString();
            if (!direct.firstTime(id)) {
                continue;
            }
            String room = fields.get(5).toString();
            Delivery delivery = Delivery.of(id, fields.get(3).toString(),
                    room.isEmpty() ? Optional.empty() : Optional.of(room), fields.get(9).toString(),
                    Instant.ofEpochMilli(fields.get(7).toLong()), seq);
            // The log is one ordered stream: it is not held up by the sockets of one event.
            local.deliver(delivery).subscribe().with(delivered -> {
            }, failure -> LOG.debugf("Delivery of %s failed: %s", id, failure));
        }
    }

    /** Called once or more per broken connection; acts once, for the current one. */
    private synchronized void lost(RedisConnection on, Throwable failure) {
        if (on != connection || stopping) {
            return;
        }
        connection = null;
        problem = failure.toString();
        if (reading) {
            LOG.warnf("Node %s lost the Redis backplane (%s): delivering to its own sockets only until it is back",
                    node.id(), problem);
        }
        reading = false;
        closeQuietly(on);
        // A pause first, so that a server that accepts and then drops every connection is not hammered.
        vertx.setTimer(FIRST_BACKOFF.toMillis(), timer -> start());
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
