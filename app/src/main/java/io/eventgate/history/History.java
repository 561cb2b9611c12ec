package io.eventgate.history;

import java.util.Collection;
import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * What resume and {@code GET /history} read (docs/protocol.md section 4): the node's own history
 * with one node ({@link LocalHistory}), the cluster's in Redis with the backplane.
 */
public interface History {

    /**
     * Runs {@code register} (the socket joins its rooms) at once, then reads what it missed after
     * {@code since}: every event recorded after {@code register} ran reaches the socket live, every
     * one numbered up to {@link Replay#upTo()} is in the replay or came before {@code since}.
     *
     * @param rooms the rooms to replay, read once {@code register} has run (it may fill them in)
     * @param broadcasts whether missed broadcasts are replayed too
     */
    Uni<Replay> replay(String since, Collection<String> rooms, boolean broadcasts, Runnable register);

    /**
     * Up to {@code limit} frames of {@code room} (empty: the broadcasts) after {@code since} (empty:
     * from the oldest retained).
     */
    Uni<HistoryPage> page(Optional<String> room, Optional<String> since, int limit);
}
