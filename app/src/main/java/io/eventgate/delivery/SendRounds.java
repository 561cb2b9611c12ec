package io.eventgate.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.eventgate.socket.Member;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;

/**
 * Hands frames to sockets from one thread of its own, in rounds: it takes every delivery waiting
 * (up to {@value #ROUND_LIMIT}), hands all their frames over to the sockets' event loops, and
 * starts the next round once each loop concerned has run a marker task queued behind those writes.
 * <p>
 * Why a thread of its own: Vert.x queues a write made off a connection's event loop and flushes the
 * connection once its queue of such writes is empty. So when several events are waiting, each
 * socket gets all their frames in one system call instead of one each, and the kernel's cost per
 * frame, the largest part of the service's, falls as the load rises. Starting a round only when the
 * loops have run the last one's writes bounds the wait for a flush and paces publishers to what
 * the sockets take (a publish completes when its round is handed over, so the next round gathers
 * the events published meanwhile); one thread and in-order queues keep each socket's frames in
 * publishing order.
 */
@Singleton
public class SendRounds {

    /** Enough events to share a system call under load; few enough to bound what one round queues. */
    static final int ROUND_LIMIT = 64;

    private final BlockingQueue<Send> waiting = new LinkedBlockingQueue<>();
    private final Thread sender = new Thread(this::run, "eventgate-sender");

    public SendRounds() {
        sender.setDaemon(true);
        sender.start();
    }

    /**
     * Hands {@code delivery} to {@code targets} in the next round: {@code write} is called for each
     * target, on this class's thread once the target's welcome is out (on its loop before), and the
     * returned {@link Uni} completes when the frame is queued on every target's event loop.
     */
    Uni<Void> send(Delivery delivery, Collection<Member> targets, BiConsumer<Delivery, WebSocketConnection> write) {
        return Uni.createFrom().emitter(done -> {
            if (!sender.isAlive()) {
                done.fail(new DeliveryRefusedException("the service is stopping"));
                return;
            }
            waiting.add(new Send(delivery, targets, write, done));
        });
    }

    private void run() {
        List<Send> round = new ArrayList<>();
        try {
            while (true) {
                round.add(waiting.take());
                waiting.drainTo(round, ROUND_LIMIT - 1);
                Set<Context> loops = new HashSet<>();
                for (Send send : round) {
                    for (Member member : send.targets()) {
                        if (member.welcomed()) {
                            send.write().accept(send.delivery(), member.connection());
                        } else {
                            member.loop().runOnContext(afterWelcome -> send.write().accept(send.delivery(),
                                    member.connection()));
                        }
                        loops.add(member.loop());
                    }
                }
                round.forEach(send -> send.done().complete(null));
                round.clear();
                awaitLoops(loops);
            }
        } catch (InterruptedException stopping) {
            DeliveryRefusedException refused = new DeliveryRefusedException("the service is stopping");
            round.forEach(send -> send.done().fail(refused));
            waiting.forEach(send -> send.done().fail(refused));
            Thread.currentThread().interrupt();
        }
    }

    /** Until every loop has run the tasks queued on it so far: the round's writes are then flushed. */
    private static void awaitLoops(Set<Context> loops) throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(loops.size());
        loops.forEach(loop -> loop.runOnContext(marker -> ran.countDown()));
        ran.await();
    }

    @PreDestroy
    void stop() {
        sender.interrupt();
    }

    private record Send(Delivery delivery, Collection<Member> targets, BiConsumer<Delivery, WebSocketConnection> write,
            UniEmitter<? super Void> done) {
    }
}
