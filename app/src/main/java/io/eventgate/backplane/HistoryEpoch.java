package io.eventgate.backplane;

import java.util.List;
import java.util.function.Function;

import io.eventgate.history.Offset;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * The history Redis holds now ({@code epoch.lua}): its epoch and last sequence number, a new one
 * when Redis has none (a new or emptied server).
 *
 * @param epoch names the history in every offset of it
 * @param last the last sequence number given in it; 0 before its first event
 */
record HistoryEpoch(String epoch, long last) {

    private static final RedisScript EPOCH = RedisScript.load("epoch.lua");

    static Uni<HistoryEpoch> current(Function<Request, Uni<Response>> redis, RedisKeys keys) {
        return EPOCH.run(redis, List.of(keys.epoch(), keys.sequence(), keys.rooms(), keys.forgotten()),
                List.of(Offset.newEpoch()))
                .map(answer -> new HistoryEpoch(answer.get(0).toString(), answer.get(1).toLong()));
    }

    /** Whether {@code failure} says that Redis has no history (it was emptied since the last look). */
    static boolean missing(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOEPOCH");
    }
}
