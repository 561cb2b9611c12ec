package io.eventgate.support;

import java.lang.ref.WeakReference;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Notes, weakly, the routing context of the latest {@code /ws} handshake the test application sees, so
 * a test can tell whether the server still keeps it after the upgrade.
 */
@Singleton
public class Handshakes {

    private volatile WeakReference<RoutingContext> latest = new WeakReference<>(null);

    void route(@Observes Router router) {
        router.get("/ws").order(Integer.MIN_VALUE).handler(context -> {
            latest = new WeakReference<>(context);
            context.next();
        });
    }

    /** The routing context of the latest handshake, weakly. */
    public WeakReference<RoutingContext> latest() {
        return latest;
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
