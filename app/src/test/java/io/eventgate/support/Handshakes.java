package io.eventgate.support;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Notes, weakly, the routing context of every {@code /ws} handshake the test application sees, so a
 * test can tell whether the server still keeps one after the upgrade.
 */
@Singleton
public class Handshakes {

    private final List<WeakReference<RoutingContext>> seen = new ArrayList<>();

    void route(@Observes Router router) {
        router.get("/ws").order(Integer.MIN_VALUE).handler(context -> {
            synchronized (seen) {
                seen.add(new WeakReference<>(context));
            }
            context.next();
        });
    }

    /** The routing context of the latest handshake, weakly. */
    public WeakReference<RoutingContext> latest() {
        synchronized (seen) {
            return seen.get(seen.size() - 1);
        }
    }

    /** Whether {@code handshake} is collected within a few full collections. */
    public static boolean collected(WeakReference<RoutingContext> handshake) throws InterruptedException {
        for (int attempt = 0; attempt < 50 && handshake.get() != null; attempt++) {
            System.gc();
            Thread.sleep(100);
        }
        return handshake.get() == null;
    }
}
