package io.eventgate.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

/**
 * An RSA key pair for a benchmark run with subscriber auth, as PEM files beside the service logs,
 * and the service environment that points smallrye-jwt at them.
 */
final class BenchKeys {

    private BenchKeys() {
    }

    static Map<String, String> write(Path dir) throws IOException, GeneralSecurityException {
        Path publicKey = dir.resolve("bench-public.pem");
        Path privateKey = dir.resolve("bench-private.pem");
        if (!Files.exists(publicKey) || !Files.exists(privateKey)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        }
        return Map.of("EVENTGATE_SUBSCRIBE_AUTH", "required",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:" + publicKey.toAbsolutePath(),
                "SMALLRYE_JWT_SIGN_KEY_LOCATION", "file:" + privateKey.toAbsolutePath());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
