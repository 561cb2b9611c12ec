package io.eventgate.testing;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Where the MongoDB tests write: the real MongoDB at {@code MONGODB_URL} when it is set, else a
 * MongoDB wire-protocol server in this JVM (mongo-java-server) that the real client talks to.
 */
public final class MongoEndpoint {

    private static final String KEY = "test-support.mongodb.url";

    private final String url;
    private MongoEndpoint(String url) {
        this.url = url;
    }

    /**
     * The endpoint for the whole test JVM. QuarkusUnitTest loads a test class twice, so the server
     * is found again through a system property rather than started twice.
     */
    public static synchronized MongoEndpoint start() {
        String external = System.getenv("MONGODB_URL");
        if (external != null && !external.isBlank()) {
            return new MongoEndpoint(external);
        }
        String known = System.getProperty(KEY);
        if (known != null) {
            return new MongoEndpoint(known);
        }
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        MongoEndpoint endpoint = new MongoEndpoint("mongodb://127.0.0.1:" + address.getPort());
        System.setProperty(KEY, endpoint.url);
        return endpoint;
    }

    public String url() {
        return url;
    }
}
