package io.eventgate.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/** XRANGE key - +, as field maps in stream order. */
public final class RedisStreams {

    private RedisStreams() {
    }

    public static List<Map<String, String>> read(Redis redis, String key) {
        Response range = redis.send(Request.cmd(Command.XRANGE).arg(key).arg("-").arg("+")).await()
                .atMost(Duration.ofSeconds(5));
        List<Map<String, String>> entries = new ArrayList<>();
        for (Response entry : range) {
            Response fields = entry.get(1);
            Map<String, String> map = new HashMap<>();
            for (int f = 0; f < fields.size(); f += 2) {
                map.put(fields.get(f).toString(), fields.get(f + 1).toString());
            }
            entries.add(map);
        }
        return entries;
    }
}
