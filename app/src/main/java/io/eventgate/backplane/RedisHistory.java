package io.eventgate.backplane;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response.Status;

import org.jboss.logging.Logger;

import io.eventgate.config.EventgateConfig;
import io.eventgate.history.History;
import io.eventgate.history.HistoryPage;
import io.eventgate.history.Offset;
import io.eventgate.history.Replay;
import io.eventgate.http.ProblemException;
import io.eventgate.logging.ThrottledLog;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Response;

/**
 * The cluster's history, in Redis, as {@link RedisFanout} appends it: a stream per room, and one
 * for the broadcasts, read by {@code read.lua} in one step with respect to appends. Streams are
 * trimmed approximately as events are appended; the read keeps a room's newest
 * {@code eventgate.history.max-events}, none older than {@code eventgate.history.ttl}, and every
 * replica lets go of the streams whose events all expired ({@code sweep.lua}).
 * <p>
 * While Redis does not answer, a resume answers {@code recovered: false} with nothing replayed,
 * and {@code GET /history} a 503: never a silent gap.
 */
// Not a History bean of its own: the History in use is the one FanoutProducer picks.
@Singleton
@Typed(RedisHistory.class)
public class RedisHistory implements History {

    private static final Logger LOG = Logger.getLogger(RedisHistory.class);
    private static final RedisScript READ = RedisScript.load("read.lua");
    private static final RedisScript SWEEP = RedisScript.load("sweep.lua");
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(5);
    private static final String STREAMS_PER_SWEEP = "100";

    /** An unanswered resume is a gap a client sees, so an operator must see its cause, once in a while. */
    private final ThrottledLog unanswered = new ThrottledLog(LOG, Logger.Level.WARN, Duration.ofSeconds(10));

    private final Instance<Redis> redisClient;
    private final Vertx vertx;
    private final RedisKeys keys;
    private final int maxEvents;
    private final Duration ttl;
    private final Duration timeout;

    private Redis redis;
    private long sweeper = -1;
    /** The epoch of the history as the last read found it. */
    private volatile String epoch = "";

    public RedisHistory(Instance<Redis> redisClient, Vertx vertx, EventgateConfig config) {
        this.redisClient = redisClient;
        this.vertx = vertx;
        this.keys = new RedisKeys(config.backplane().keyPrefix());
        this.maxEvents = config.history().maxEvents();
        this.ttl = config.history().ttl();
        this.timeout = config.backplane().publishTimeout();
    }

    /** Starts sweeping expired streams and returns this history. */
    public RedisHistory start() {
        redis = redisClient.get();
        sweeper = vertx.setPeriodic(SWEEP_EVERY.toMillis(), id -> sweep());
        return this;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        vertx.cancelTimer(sweeper);
    }

    @Override
    public Uni<Replay> replay(String since, Collection<String> rooms, boolean broadcasts, Runnable register) {
        register.run();
        Optional<Offset> offset = Offset.parse(since);
        if (offset.isEmpty()) {
            return Uni.createFrom().item(new Replay(List.of(), false, 0));
        }
        List<Optional<String>> streams = new ArrayList<>();
        rooms.forEach(room -> streams.add(Optional.of(room)));
        if (broadcasts) {
            streams.add(Optional.empty());
        }
        return read(offset, streams)
                .invoke(answer -> epoch = answer.get(3).toString())
                .map(answer -> new Replay(frames(answer), usable(answer) && recovered(answer), answer.get(1).toLong()))
                .onFailure().recoverWithItem(failure -> {
                    unanswered.log("resume", () -> "A resume after " + since
                            + " answered recovered: false, the history in Redis did not answer: " + failure);
                    // What the socket had already may still reach it live, from a replica reading behind Redis.
                    return new Replay(List.of(), false, offset.get().epoch().equals(epoch) ? offset.get().seq() : 0);
                });
    }

    @Override
    public Uni<HistoryPage> page(Optional<String> room, Optional<String> since, int limit) {
        Optional<Offset> offset = since.flatMap(Offset::parse);
        if (since.isPresent() && offset.isEmpty()) {
            return Uni.createFrom().item(new HistoryPage(List.of(), false));
        }
        return read(offset, List.of(room))
                .map(answer -> {
                    List<String> frames = frames(answer);
                    return new HistoryPage(frames.subList(0, Math.min(limit, frames.size())),
                            usable(answer) && (since.isEmpty() || recovered(answer)));
                })
                .onFailure().transform(failure -> new ProblemException(Status.SERVICE_UNAVAILABLE, "history-unavailable",
                        "The history in Redis did not answer: " + failure.getMessage()));
    }

    /** {@code read.lua} after {@code offset} (empty: from the oldest retained) in {@code streams}. */
    private Uni<Response> read(Optional<Offset> offset, List<Optional<String>> streams) {
        List<String> readKeys = new ArrayList<>(List.of(keys.epoch(), keys.sequence(), keys.forgotten()));
        streams.forEach(stream -> readKeys.add(keys.stream(stream)));
        List<String> args = List.of(offset.map(Offset::epoch).orElse(""), String.valueOf(offset.map(Offset::seq).orElse(0L)),
                String.valueOf(Instant.now().minus(ttl).toEpochMilli()), String.valueOf(maxEvents));
        return READ.run(redis::send, readKeys, args).ifNoItem().after(timeout).fail();
    }

    private static boolean usable(Response answer) {
        return answer.get(0).toInteger() == 1;
    }

    private static boolean recovered(Response answer) {
        return answer.get(2).toInteger() == 1;
    }

    /** {@code [usable, last, recovered, epoch, seq, frame, seq, frame...]}: the frames. */
    private static List<String> frames(Response answer) {
        List<String> frames = new ArrayList<>();
        for (int i = 5; i < answer.size(); i += 2) {
            frames.add(answer.get(i).toString());
        }
        return frames;
    }

    private void sweep() {
        SWEEP.run(redis::send, List.of(keys.rooms(), keys.forgotten()),
                List.of(String.valueOf(Instant.now().minus(ttl).toEpochMilli()), STREAMS_PER_SWEEP))
                .ifNoItem().after(timeout).fail()
                .subscribe().with(swept -> {
                }, failure -> LOG.debugf("Sweeping the history in Redis failed: %s", failure));
    }
}
