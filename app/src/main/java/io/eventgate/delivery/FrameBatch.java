package io.eventgate.delivery;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.eventgate.socket.Member;

/**
 * The frames one task of an event loop writes to the loop's sockets: each socket's are written as
 * they come and flushed once, at the end, with one listener for all of them. Used on that loop
 * only, by one task at a time; empty again after each flush.
 */
final class FrameBatch {

    private static final Logger LOG = Logger.getLogger(FrameBatch.class);

    private final SocketDelivery delivery;
    private final Map<Member, Frames> sockets = new IdentityHashMap<>();

    FrameBatch(SocketDelivery delivery) {
        this.delivery = delivery;
    }

    /**
     * Writes {@code event} to {@code member} if the socket takes it now: not when a replay covered
     * it or holds it back (the member keeps it then), nor once the socket is closed or closing.
     */
    void add(Delivery event, Member member) {
        try {
            if (!member.admit(event)) {
                return;
            }
            Frames frames = sockets.get(member);
            boolean open = frames != null || delivery.open(member);
            if (!open || !delivery.handOver(event, member)) {
                return;
            }
            if (frames == null) {
                frames = new Frames(member);
                sockets.put(member, frames);
            }
            frames.add(event);
        } catch (RuntimeException e) {
            // One socket's failure must not cost the others their frame.
            LOG.warnf(e, "Event %s not handed to %s", event.id(), member.connection().id());
        }
    }

    /** Flushes every socket written to; each learns later whether its frames were written. */
    void flush() {
        sockets.values().forEach(Frames::flush);
        sockets.clear();
    }

    /**
     * One socket's frames in this batch; the last is held back to be written with the flush, which
     * tells this whether they were written.
     */
    private final class Frames implements Consumer<Boolean> {

        private final Member member;
        private final List<Delivery> events = new ArrayList<>(2);
        private long bytes;

        Frames(Member member) {
            this.member = member;
        }

        void add(Delivery event) {
            if (!events.isEmpty()) {
                member.wire().write(events.get(events.size() - 1).encoded().duplicate());
            }
            events.add(event);
            bytes += event.frameBytes();
        }

        void flush() {
            try {
                member.wire().writeAndFlush(events.get(events.size() - 1).encoded().duplicate(), this);
            } catch (RuntimeException e) {
                // Nor may it keep the loop's other sockets from their flush, or the publishers waiting.
                LOG.warnf(e, "%d events not written to %s", events.size(), member.connection().id());
                accept(false);
            }
        }

        @Override
        public void accept(Boolean written) {
            delivery.written(member, events, bytes, written);
        }
    }
}
