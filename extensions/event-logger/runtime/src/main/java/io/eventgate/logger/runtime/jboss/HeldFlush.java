package io.eventgate.logger.runtime.jboss;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.logging.Formatter;
import java.util.logging.Handler;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.handlers.AsyncHandler;
import org.jboss.logmanager.handlers.WriterHandler;

/**
 * The writing handlers (console, file) that a batch's categories reach, with their auto-flush held
 * off while the batch is published and given back after it, which flushes each once: one
 * {@code write} per batch instead of one per line. A line another thread logs meanwhile waits in the
 * same buffer for that flush. Handlers behind an {@link AsyncHandler} are left alone: its own thread
 * publishes to them, at times this batch does not know. The handlers reached also get their
 * formatter's date {@linkplain MillisecondDateStep rendered once per millisecond}.
 */
final class HeldFlush {

    private final List<ExtHandler> held = new ArrayList<>();
    private final Set<Logger> walked = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Handler> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    /**
     * Formatters whose dates were looked at, so that each is looked at once, not in every batch; weak,
     * because a reconfigured handler gets a new formatter and the old one must not stay for it.
     */
    private final Set<Formatter> dated = Collections.newSetFromMap(new WeakHashMap<>());
    private Logger last;

    /** Holds the flush of the handlers that records of {@code category} reach. */
    void holdFor(Logger category) {
        // Lines in a row mostly share their category: the set is asked once per run of them.
        if (category == last) {
            return;
        }
        last = category;
        if (!walked.add(category)) {
            return;
        }
        for (java.util.logging.Logger logger = category; logger != null; logger = logger.getParent()) {
            for (Handler handler : logger.getHandlers()) {
                hold(handler);
            }
            if (!logger.getUseParentHandlers()) {
                return;
            }
        }
    }

    /** Gives every held handler its auto-flush back, which flushes it. */
    void release() {
        for (ExtHandler handler : held) {
            handler.setAutoFlush(true);
        }
        held.clear();
        walked.clear();
        last = null;
        visited.clear();
    }

    private void hold(Handler handler) {
        if (!visited.add(handler) || handler instanceof AsyncHandler || !(handler instanceof ExtHandler ext)) {
            return;
        }
        Formatter formatter = ext.getFormatter();
        if (dated.add(formatter)) {
            MillisecondDateStep.cacheDatesOf(formatter);
        }
        if (ext instanceof WriterHandler && ext.isAutoFlush()) {
            ext.setAutoFlush(false);
            held.add(ext);
        }
        for (Handler nested : ext.getHandlers()) {
            hold(nested);
        }
    }
}
