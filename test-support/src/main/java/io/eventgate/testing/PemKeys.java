package io.eventgate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * RSA keys for subscriber tokens, as the PEM files smallrye-jwt reads ({@code PUBLIC KEY},
 * {@code PRIVATE KEY} in PKCS#8): what tests and benchmarks hand the service.
 */
public final class PemKeys {

    private PemKeys() {
    }

    /** A new RSA-2048 pair. */
    public static KeyPair newRsaPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code pair} to the two files, creating their directory. */
    public static void write(KeyPair pair, Path publicKey, Path privateKey) throws IOException {
        Files.createDirectories(publicKey.toAbsolutePath().getParent());
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    }

    /** The DER bytes of a PEM file's content. */
    public static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
