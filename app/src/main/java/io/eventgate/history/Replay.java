package io.eventgate.history;

import java.util.List;

/**
 * What a resume gets: the retained frames after its offset, in offset order; whether they are all
 * that came after it; and the last sequence number the history had, so that a delivery of an
 * earlier event that reaches the socket anyway is dropped.
 */
public record Replay(List<String> frames, boolean recovered, long upTo) {

    public Replay {
        frames = List.copyOf(frames);
    }
}
