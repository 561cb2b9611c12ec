package io.eventgate.clients;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventgate.subscribe.TestKeys;
import io.eventgate.support.NodeRun;
import io.eventgate.testing.RedisProcess;
import io.eventgate.testing.ServiceProcess;

/**
 * The JavaScript client of {@code clients/js} (Node's test runner, the platform's WebSocket, no
 * dependencies) against two packaged replicas on one real Redis, with subscriber auth and an API
 * key; one of them gets SIGTERM under a client ({@code test/cluster.test.mjs}). Then {@code tsc
 * --noEmit} checks that the shipped declarations describe the API ({@code test/types}).
 */
class JavaScriptClientIT {

    private static final Path CLIENT = Path.of("../clients/js");
    private static final String API_KEY = "client-it-key";
    private static final RedisProcess REDIS = RedisProcess.of(JavaScriptClientIT.class);

    @Test
    void theClientTestsPass() throws Exception {
        Map<String, String> env = Map.of("EVENTGATE_API_KEYS", API_KEY,
                "EVENTGATE_SUBSCRIBE_AUTH", "required",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestKeys.publicKeyLocation(),
                "SMALLRYE_JWT_SIGN_KEY_LOCATION", TestKeys.privateKeyLocation(),
                "EVENTGATE_FANOUT", "redis", "QUARKUS_REDIS_HOSTS", REDIS.url());
        Path logs = Path.of("target/e2e");
        try (ServiceProcess staying = ServiceProcess.start(ServiceProcess.packaged(), "js-client", env, logs);
                ServiceProcess leaving = ServiceProcess.start(ServiceProcess.packaged(), "js-client-leaving", env, logs)) {
            // Node 20 has the platform's WebSocket behind a flag; later versions ignore it.
            NodeRun.run(CLIENT, "js-client-test", List.of("node", "--experimental-websocket", "--test", "test/"),
                    Map.of("EVENTGATE_URL", address(staying), "EVENTGATE_API_KEY", API_KEY,
                            "EVENTGATE_OTHER_URL", address(leaving), "EVENTGATE_OTHER_PID", Long.toString(leaving.pid())));
        }
    }

    @Test
    void theShippedTypesDescribeTheApi() throws Exception {
        if (!Files.isRegularFile(CLIENT.resolve("node_modules/.bin/tsc"))) {
            NodeRun.run(CLIENT, "js-client-npm-install", List.of("npm", "install", "--no-audit", "--no-fund",
                    "--no-package-lock"), Map.of());
        }
        NodeRun.run(CLIENT, "js-client-tsc", List.of(CLIENT.resolve("node_modules/.bin/tsc").toAbsolutePath().toString(), "-p", "tsconfig.json"), Map.of());
    }

    private static String address(ServiceProcess service) {
        return service.base().toString().replaceAll("/$", "");
    }
}
