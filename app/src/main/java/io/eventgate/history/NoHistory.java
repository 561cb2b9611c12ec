package io.eventgate.history;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The history with the Redis backplane, until the replicas share one: nothing to replay, and
 * {@code recovered: false}, never a silent gap.
 */
final class NoHistory implements History {

    @Override
    public Replay replay(String since, Collection<String> rooms, boolean broadcasts, Runnable register) {
        register.run();
        return new Replay(List.of(), false, 0);
    }

    @Override
    public HistoryPage page(Optional<String> room, Optional<String> since, int limit) {
        return new HistoryPage(List.of(), false);
    }
}
