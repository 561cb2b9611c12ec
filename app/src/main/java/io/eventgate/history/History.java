package io.eventgate.history;

import java.util.Collection;
import java.util.Optional;

/**
 * What resume and {@code GET /history} read (docs/protocol.md section 4): the node's own history
 * with one node ({@link LocalHistory}), none yet with the Redis backplane ({@link NoHistory}).
 */
public interface History {

    /**
     * Runs {@code register} (the socket joins its rooms) and reads what it missed after
     * {@code since}, as one step with respect to the events being recorded.
     *
     * @param rooms the rooms to replay, read once {@code register} has run (it may fill them in)
     * @param broadcasts whether missed broadcasts are replayed too
     */
    Replay replay(String since, Collection<String> rooms, boolean broadcasts, Runnable register);

    /**
     * Up to {@code limit} frames of {@code room} (empty: the broadcasts) after {@code since} (empty:
     * from the oldest retained).
     */
    HistoryPage page(Optional<String> room, Optional<String> since, int limit);
}
