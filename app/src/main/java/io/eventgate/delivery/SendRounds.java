package io.eventgate.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.jboss.logging.Logger;

import io.eventgate.socket.Member;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

/**
 * Hands frames to sockets in rounds, from one thread of its own: it takes every delivery waiting
 * (up to {@value #ROUND_LIMIT}), hands all their frames over to the sockets' event loops, and starts
 * the next round once each loop concerned has run them.
 * <p>
 * When sockets get several frames in a round (a broadcast among other events, or two events for one
 * room), this thread writes them itself: Vert.x queues a write made off a connection's event loop
 * and flushes the connection once its queue of such writes is empty, so each socket gets all its
 * frames of the round in one system call instead of one each, and the kernel's cost per frame, the
 * largest part of the service's, falls as the load rises. Otherwise each loop gets one task that
 * writes its sockets' frames, which costs less when there is nothing to share.
 * <p>
 * Starting a round only when the loops have run the last one bounds the wait for a flush; a publish
 * completes then too, which paces publishers to what the sockets take. One thread and in-order
 * queues keep each socket's frames in publishing order.
 */
final class SendRounds {

    private static final Logger LOG = Logger.getLogger(SendRounds.class);

    /** Enough events to share a system call under load; few enough to bound what one round queues. */
    static final int ROUND_LIMIT = 64;

    private final BiConsumer<Delivery, Member> write;
    private final BlockingQueue<Send> waiting = new LinkedBlockingQueue<>();
    private final Thread sender = new Thread(this::run, "eventgate-sender");

    /** @param write hands one delivery's frame to one socket; called once per target */
    SendRounds(BiConsumer<Delivery, Member> write) {
        this.write = write;
        sender.setDaemon(true);
        sender.start();
    }

    /**
     * Hands {@code delivery} to {@code targets} in the next round; the returned {@link Uni} completes
     * when every target's event loop has written the frame.
     */
    Uni<Void> send(Delivery delivery, Collection<Member> targets) {
        // Queued now, not when the answer is subscribed to: the caller's order is the sockets' order.
        if (!sender.isAlive()) {
            return Uni.createFrom().failure(new DeliveryRefusedException("the service is stopping"));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        waiting.add(new Send(delivery, targets, done));
        return Uni.createFrom().completionStage(done);
    }

    private void run() {
        List<Send> round = List.of();
        try {
            while (true) {
                round = new ArrayList<>();
                round.add(waiting.take());
                waiting.drainTo(round, ROUND_LIMIT - 1);
                CountDownLatch written = new CountDownLatch(1);
                Runnable completion = completeAndCount(round, written);
                if (sharesSockets(round)) {
                    writeFromHere(round, completion);
                } else {
                    writeOnLoops(round, completion);
                }
                written.await();
            }
        } catch (InterruptedException stopping) {
            DeliveryRefusedException refused = new DeliveryRefusedException("the service is stopping");
            // A send already completed ignores the failure.
            round.forEach(send -> send.done().completeExceptionally(refused));
            waiting.forEach(send -> send.done().completeExceptionally(refused));
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Completes the round's publishes on the thread that ran its last loop task, so the answers do
     * not wait for this thread to be scheduled again, then lets this thread start the next round.
     */
    private static Runnable completeAndCount(List<Send> round, CountDownLatch written) {
        return () -> {
            try {
                round.forEach(send -> send.done().complete(null));
            } finally {
                written.countDown();
            }
        };
    }

    /** Runs {@code completion} once {@code tasks} calls of the returned task have been made; at once for none. */
    private static Runnable afterAll(int tasks, Runnable completion) {
        if (tasks == 0) {
            completion.run();
        }
        AtomicInteger left = new AtomicInteger(tasks);
        return () -> {
            if (left.decrementAndGet() == 0) {
                completion.run();
            }
        };
    }

    /** Whether some socket may get more than one frame in the round; rooms are compared by name only. */
    private static boolean sharesSockets(List<Send> round) {
        Set<Optional<String>> rooms = new HashSet<>();
        for (Send send : round) {
            Optional<String> room = send.delivery().room();
            if (!rooms.add(room) || (room.isEmpty() && round.size() > 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes from this thread, so that Vert.x queues the writes and flushes each socket once; a
     * socket whose welcome is not out yet is written from its own loop, after the welcome (see
     * {@link Member}). {@code completion} runs when each loop has run a marker queued behind the writes.
     */
    private void writeFromHere(List<Send> round, Runnable completion) {
        Set<Context> loops = new HashSet<>();
        for (Send send : round) {
            for (Member member : send.targets()) {
                if (member.welcomed()) {
                    write(send.delivery(), member);
                } else {
                    member.loop().runOnContext(afterWelcome -> write(send.delivery(), member));
                }
                loops.add(member.loop());
            }
        }
        Runnable ran = afterAll(loops.size(), completion);
        loops.forEach(loop -> loop.runOnContext(marker -> ran.run()));
    }

    /** One task per loop writes the round's frames to that loop's sockets; {@code completion} runs after the last. */
    private void writeOnLoops(List<Send> round, Runnable completion) {
        Map<Context, List<Write>> byLoop = new HashMap<>();
        for (Send send : round) {
            for (Member member : send.targets()) {
                byLoop.computeIfAbsent(member.loop(), loop -> new ArrayList<>()).add(new Write(send.delivery(), member));
            }
        }
        Runnable ran = afterAll(byLoop.size(), completion);
        byLoop.forEach((loop, writes) -> loop.runOnContext(task -> {
            try {
                writes.forEach(pending -> write(pending.delivery(), pending.member()));
            } finally {
                ran.run();
            }
        }));
    }

    /** One socket's failure must not cost the others their frame, nor stop the sender thread. */
    private void write(Delivery delivery, Member member) {
        try {
            write.accept(delivery, member);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Event %s not handed to %s", delivery.id(), member.connection().id());
        }
    }

    /** Stops the sender thread; what is waiting fails as refused. */
    void stop() {
        sender.interrupt();
    }

    private record Send(Delivery delivery, Collection<Member> targets, CompletableFuture<Void> done) {
    }

    private record Write(Delivery delivery, Member member) {
    }
}
