package io.eventgate.support;

import java.lang.ref.WeakReference;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Notes, weakly, the routing context of the latest {@code /ws} handshake the test application sees,
 * and the name of its {@value #PROBE} header as the server decoded it, so a test can tell whether the
 * server still keeps them after the upgrade.
 */
@Singleton
public class Handshakes {

    /** A header whose name only the server's decoded request holds: websockets-next's copy is lower case. */
    public static final String PROBE = "X-Eventgate-Probe";

    private volatile WeakReference<RoutingContext> latest = new WeakReference<>(null);
    private volatile WeakReference<String> probeName = new WeakReference<>(null);

    void route(@Observes Router router) {
        router.get("/ws").order(Integer.MIN_VALUE).handler(context -> {
            latest = new WeakReference<>(context);
            context.request().headers().names().stream().filter(PROBE::equalsIgnoreCase).findFirst()
                    .ifPresent(name -> probeName = new WeakReference<>(name));
            context.next();
        });
    }

    /** The routing context of the latest handshake, weakly. */
    public WeakReference<RoutingContext> latest() {
        return latest;
    }

    /** The name of the {@value #PROBE} header of the latest handshake that had one, weakly. */
    public WeakReference<String> probeName() {
        return probeName;
    }

    /** Whether {@code reference} is collected within a few full collections. */
    public static <T> boolean collected(WeakReference<T> reference) throws InterruptedException {
        for (int attempt = 0; attempt < 50 && reference.get() != null; attempt++) {
            System.gc();
            Thread.sleep(100);
        }
        return reference.get() == null;
    }
}
