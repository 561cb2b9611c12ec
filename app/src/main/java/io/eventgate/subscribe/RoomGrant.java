package io.eventgate.subscribe;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rooms a socket may join: exact names, and prefixes written {@code orders:42:*} ({@code *}
 * alone grants every room).
 */
public record RoomGrant(Set<String> names, List<String> prefixes) {

    private static final String WILDCARD = "*";

    public RoomGrant {
        names = Set.copyOf(names);
        prefixes = List.copyOf(prefixes);
    }

    /** The grant of {@code entries}, each an exact name or a prefix followed by {@code *}. */
    public static RoomGrant of(Collection<String> entries) {
        Set<String> names = entries.stream().filter(entry -> !entry.endsWith(WILDCARD)).collect(Collectors.toSet());
        List<String> prefixes = entries.stream().filter(entry -> entry.endsWith(WILDCARD))
                .map(entry -> entry.substring(0, entry.length() - WILDCARD.length())).distinct().toList();
        return new RoomGrant(names, prefixes);
    }

    public boolean allows(String room) {
        if (names.contains(room)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (room.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
