package io.eventgate.backplane;

import java.util.Optional;

/**
 * The keys of one deployment's history in Redis, all under {@code eventgate.backplane.key-prefix}.
 */
record RedisKeys(String prefix) {

    /** Names the current history; a Redis that lost it starts another. */
    String epoch() {
        return prefix + "epoch";
    }

    /** The cluster-wide sequence: the last number given to an event. */
    String sequence() {
        return prefix + "seq";
    }

    /** What the log of each epoch is named after. */
    String logs() {
        return prefix + "log:";
    }

    /** Every event of every room of one epoch, in sequence order: what each replica reads and delivers. */
    String log(String epoch) {
        return logs() + epoch;
    }

    /** Each room's stream key, scored by its last sequence number. */
    String rooms() {
        return prefix + "rooms";
    }

    /** The last sequence number of the streams that expired entirely. */
    String forgotten() {
        return prefix + "forgotten";
    }

    /** The history of one room; empty: of the broadcasts (no room has an empty name). */
    String stream(Optional<String> room) {
        return room.map(name -> prefix + "room:" + name).orElse(prefix + "everyone");
    }
}
