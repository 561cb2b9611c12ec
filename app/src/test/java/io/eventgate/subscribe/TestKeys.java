package io.eventgate.subscribe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.eventgate.testing.PemKeys;

/**
 * Keys for the test run, in the files the service reads them from: an RSA pair as PEM, an HS256
 * secret as an {@code oct} JWK. Made once and read back after, because the test profile and the
 * test may see this class through two class loaders. A second RSA pair signs tokens the service
 * must refuse.
 */
public final class TestKeys {

    static final String ISSUER = "https://eventgate.test/issuer";

    private static final Path DIR = Path.of("target", "test-keys").toAbsolutePath();
    private static final Path PUBLIC = DIR.resolve("public.pem");
    private static final Path PRIVATE = DIR.resolve("private.pem");
    private static final Path SECRET = DIR.resolve("hmac.secret");
    private static final Path JWK = DIR.resolve("hmac.jwk");

    static final KeyPair RSA = rsaPair();
    static final KeyPair FOREIGN_RSA = PemKeys.newRsaPair();
    static final SecretKey HMAC = hmac();

    private TestKeys() {
    }

    public static String publicKeyLocation() {
        return "file:" + PUBLIC;
    }

    public static String privateKeyLocation() {
        return "file:" + PRIVATE;
    }

    static String hmacJwkLocation() {
        return "file:" + JWK;
    }

    private static synchronized KeyPair rsaPair() {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (Files.exists(PUBLIC) && Files.exists(PRIVATE)) {
                PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(PemKeys.der(Files.readString(PUBLIC))));
                PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(PemKeys.der(Files.readString(PRIVATE))));
                return new KeyPair(publicKey, privateKey);
            }
            KeyPair pair = PemKeys.newRsaPair();
            PemKeys.write(pair, PUBLIC, PRIVATE);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized SecretKey hmac() {
        try {
            byte[] secret;
            if (Files.exists(SECRET) && Files.exists(JWK)) {
                secret = Base64.getDecoder().decode(Files.readString(SECRET).trim());
            } else {
                secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                String k = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
                write(JWK, "{\"kty\":\"oct\",\"alg\":\"HS256\",\"k\":\"" + k + "\"}");
                write(SECRET, Base64.getEncoder().encodeToString(secret));
            }
            return new SecretKeySpec(secret, "HmacSHA256");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(DIR);
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }
}
