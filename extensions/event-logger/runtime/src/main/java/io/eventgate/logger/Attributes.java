package io.eventgate.logger;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A record's attributes as the builder left them, keys and values in turn in one array: an immutable
 * map made without hashing, since records are made on hot paths (one per delivered frame) and their
 * attributes are read by iterating them, once per strategy. Lookups walk the few entries.
 */
final class Attributes extends AbstractMap<String, String> {

    private final String[] pairs;
    private final int size;

    /** @param pairs keys and values in turn, distinct non-null keys, non-null values; not copied */
    Attributes(String[] pairs, int size) {
        this.pairs = pairs;
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int at = 2 * next++;
                        return new AbstractMap.SimpleImmutableEntry<>(pairs[at], pairs[at + 1]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
