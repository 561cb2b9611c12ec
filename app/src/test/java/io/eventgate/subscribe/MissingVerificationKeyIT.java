package io.eventgate.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventgate.testing.ServiceProcess;

/** Subscriber auth on without a key to verify tokens: the packaged service refuses to start, and says what to set. */
class MissingVerificationKeyIT {

    @Test
    void theStartFailsNamingTheKeyToSet() throws Exception {
        Path logs = Path.of("target/it-logs");
        assertThatThrownBy(() -> ServiceProcess.start(ServiceProcess.packaged(), "no-verification-key",
                Map.of("EVENTGATE_SUBSCRIBE_AUTH", "required"), logs).close())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exited during start");
        assertThat(Files.readString(logs.resolve("no-verification-key.log")))
                .contains("eventgate.subscribe.auth=required needs the key that verifies tokens")
                .contains("mp.jwt.verify.publickey.location");
    }
}
