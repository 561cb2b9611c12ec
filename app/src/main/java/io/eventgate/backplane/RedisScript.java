package io.eventgate.backplane;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * A Lua script of {@code src/main/resources/backplane}, run by its digest ({@code EVALSHA}) and
 * sent whole only when Redis does not know it yet (a new or restarted server).
 */
final class RedisScript {

    private final String body;
    private final String digest;

    private RedisScript(String body) {
        this.body = body;
        this.digest = sha1(body);
    }

    static RedisScript load(String name) {
        try (InputStream in = RedisScript.class.getResourceAsStream("/backplane/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing script backplane/" + name);
            }
            return new RedisScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param redis sends a request: the client's pool, or one connection of it */
    Uni<Response> run(Function<Request, Uni<Response>> redis, List<String> keys, List<String> args) {
        return redis.apply(request(Command.EVALSHA, digest, keys, args))
                .onFailure(RedisScript::unknownScript)
                .recoverWithUni(() -> redis.apply(request(Command.EVAL, body, keys, args)));
    }

    private static boolean unknownScript(Throwable failure) {
        String message = failure.getMessage();
        return message != null && message.startsWith("NOSCRIPT");
    }

    private static Request request(Command command, String script, List<String> keys, List<String> args) {
        Request request = Request.cmd(command).arg(script).arg(keys.size());
        keys.forEach(request::arg);
        args.forEach(request::arg);
        return request;
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-1", e);
        }
    }
}
