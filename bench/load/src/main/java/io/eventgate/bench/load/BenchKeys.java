package io.eventgate.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.eventgate.testing.PemKeys;

/**
 * An RSA key pair for a benchmark run with subscriber auth, as PEM files beside the service logs,
 * and the service environment that points smallrye-jwt at them.
 */
final class BenchKeys {

    private BenchKeys() {
    }

    static Map<String, String> write(Path dir) throws IOException {
        Path publicKey = dir.resolve("bench-public.pem");
        Path privateKey = dir.resolve("bench-private.pem");
        if (!Files.exists(publicKey) || !Files.exists(privateKey)) {
            PemKeys.write(PemKeys.newRsaPair(), publicKey, privateKey);
        }
        return Map.of("EVENTGATE_SUBSCRIBE_AUTH", "required",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:" + publicKey.toAbsolutePath(),
                "SMALLRYE_JWT_SIGN_KEY_LOCATION", "file:" + privateKey.toAbsolutePath());
    }
}
