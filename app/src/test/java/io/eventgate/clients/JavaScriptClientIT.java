package io.eventgate.clients;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventgate.subscribe.TestKeys;
import io.eventgate.support.NodeRun;
import io.eventgate.testing.ServiceProcess;

/**
 * The JavaScript client of {@code clients/js} (Node's test runner, the platform's WebSocket, no
 * dependencies) against the packaged service with subscriber auth and an API key.
 */
class JavaScriptClientIT {

    private static final Path CLIENT = Path.of("../clients/js");
    private static final String API_KEY = "client-it-key";

    @Test
    void theClientTestsPass() throws Exception {
        Map<String, String> env = Map.of("EVENTGATE_API_KEYS", API_KEY,
                "EVENTGATE_SUBSCRIBE_AUTH", "required",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestKeys.publicKeyLocation(),
                "SMALLRYE_JWT_SIGN_KEY_LOCATION", TestKeys.privateKeyLocation());
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.packaged(), "js-client", env,
                Path.of("target/e2e"))) {
            // Node 20 has the platform's WebSocket behind a flag; later versions ignore it.
            NodeRun.run(CLIENT, "js-client-test", List.of("node", "--experimental-websocket", "--test", "test/"),
                    Map.of("EVENTGATE_URL", service.base().toString().replaceAll("/$", ""),
                            "EVENTGATE_API_KEY", API_KEY));
        }
    }
}
