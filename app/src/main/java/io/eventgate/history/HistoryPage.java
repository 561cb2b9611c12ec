package io.eventgate.history;

import java.util.List;

/** A {@code GET /history} answer: frames in offset order, and whether nothing after the offset is gone. */
public record HistoryPage(List<String> frames, boolean recovered) {

    public HistoryPage {
        frames = List.copyOf(frames);
    }
}
