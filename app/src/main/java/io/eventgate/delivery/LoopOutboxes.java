package io.eventgate.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.eventgate.socket.Member;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Handler;

/**
 * Hands deliveries to sockets on their own event loops: per loop, a queue that any thread adds to,
 * drained by one task of that loop at a time, which takes deliveries until it has about
 * {@value #FRAMES_PER_TASK} frames to write, writes them and then flushes each socket it wrote to
 * once. Events for one socket that queue up meanwhile thus leave in one system call, and the
 * busier the node the fewer calls per frame; no thread, queue or lock is shared by the loops.
 * <p>
 * Why each socket's order is the publishing order: a caller queues its delivery on every loop
 * concerned before it returns, and callers come in publishing order (the history numbers and hands
 * over in one step, the Redis log is read by one thread); each queue is first in, first out, and
 * drained on its loop, where the socket's own frames (welcome, replay, answers) are written too.
 */
final class LoopOutboxes {

    /**
     * Enough frames to share system calls under load; few enough not to hold a loop, or the bytes of
     * frames not yet flushed, for long when a burst arrives (the Redis log is read in pages).
     */
    static final int FRAMES_PER_TASK = 4096;

    private final ConcurrentMap<Context, Outbox> outboxes = new ConcurrentHashMap<>();
    private final Supplier<FrameBatch> batches;
    private volatile boolean stopped;

    /** @param batches makes the batch a loop's tasks write through */
    LoopOutboxes(Supplier<FrameBatch> batches) {
        this.batches = batches;
    }

    /**
     * Queues {@code delivery} for {@code targets}; the returned {@link Uni} completes when every
     * loop concerned has written and flushed it, which paces publishers to what the loops take.
     */
    Uni<Void> send(Delivery delivery, Collection<Member> targets) {
        if (stopped) {
            return Uni.createFrom().failure(new DeliveryRefusedException("the service is stopping"));
        }
        Map<Context, List<Member>> byLoop = new IdentityHashMap<>();
        for (Member member : targets) {
            byLoop.computeIfAbsent(member.loop(), loop -> new ArrayList<>()).add(member);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger loops = new AtomicInteger(byLoop.size());
        Runnable written = () -> {
            if (loops.decrementAndGet() == 0) {
                done.complete(null);
            }
        };
        // Queued now, not when the answer is subscribed to: the caller's order is the sockets' order.
        byLoop.forEach((loop, members) -> outboxes.computeIfAbsent(loop, Outbox::new)
                .add(new Send(delivery, members, written)));
        return Uni.createFrom().completionStage(done);
    }

    /** Refuses new deliveries; those queued are still written while the loops run. */
    void stop() {
        stopped = true;
    }

    /** One event loop's queue and the task that drains it. */
    private final class Outbox implements Handler<Void> {

        private final Context loop;
        private final Queue<Send> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        /** One for all the loop's tasks, which run one at a time: its table keeps the size of the busiest. */
        private final FrameBatch batch = batches.get();

        Outbox(Context loop) {
            this.loop = loop;
        }

        void add(Send send) {
            queue.add(send);
            if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
                loop.runOnContext(this);
            }
        }

        /** A delivery queued from now on schedules a task of its own, so none waits for a task already done. */
        @Override
        public void handle(Void task) {
            scheduled.set(false);
            List<Runnable> written = new ArrayList<>();
            int frames = 0;
            while (frames < FRAMES_PER_TASK) {
                Send send = queue.poll();
                if (send == null) {
                    break;
                }
                send.targets().forEach(member -> batch.add(send.delivery(), member));
                written.add(send.written());
                frames += send.targets().size();
            }
            batch.flush();
            written.forEach(Runnable::run);
            if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
                loop.runOnContext(this);
            }
        }
    }

    private record Send(Delivery delivery, List<Member> targets, Runnable written) {
    }
}
