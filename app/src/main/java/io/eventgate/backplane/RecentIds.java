package io.eventgate.backplane;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the last events this node delivered, so that an event that reaches it twice (a
 * publish that timed out and was delivered here directly, then arrives over Redis after all) is
 * delivered once.
 */
final class RecentIds {

    private final Map<String, Boolean> ids;

    RecentIds(int capacity) {
        this.ids = new LinkedHashMap<>(capacity * 4 / 3 + 1) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers {@code id}; whether it was new. */
    synchronized boolean firstTime(String id) {
        return ids.putIfAbsent(id, Boolean.TRUE) == null;
    }
}
