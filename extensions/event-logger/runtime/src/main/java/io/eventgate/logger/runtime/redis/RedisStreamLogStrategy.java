package io.eventgate.logger.runtime.redis;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import io.eventgate.logger.EventLogRecord;
import io.eventgate.logger.EventLogStore;
import io.eventgate.logger.EventLogStrategy;
import io.eventgate.logger.runtime.ClientLookup;
import io.eventgate.logger.runtime.LoggerConfig;
import io.eventgate.logger.runtime.LoggerConfig.RedisStreamConfig;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * Appends records to a Redis stream, one entry each ({@code XADD key MAXLEN ~ n * field value...}),
 * a batch sent as one pipeline through the application's default Redis client.
 * <p>
 * Entry fields: {@code timestamp} (ISO-8601), {@code level}, {@code logger}, {@code context},
 * {@code message}, {@code data} (JSON) and one {@code attr.<name>} per attribute.
 */
@Singleton
@Identifier(RedisStreamLogStrategy.ID)
public class RedisStreamLogStrategy implements EventLogStrategy {

    public static final String ID = "redis-stream";

    /** The prefix of attribute fields, so that they never clash with the record's own. */
    public static final String ATTRIBUTE_PREFIX = "attr.";

    private final Redis redis;

    /**
     * Looks the client up only now that a logger names this strategy: an injection point would
     * make the default Redis client "in use" for every application that has the extension.
     */
    public RedisStreamLogStrategy(Instance<Redis> redis) {
        this.redis = ClientLookup.get(redis, ID, "quarkus.redis.hosts");
    }

    @Override
    public EventLogStore open(LoggerConfig logger) {
        RedisStreamConfig stream = logger.redisStream();
        return new EventLogStore.Batched() {
            @Override
            public Uni<Void> write(List<EventLogRecord> batch) {
                return redis.batch(batch.stream().map(record -> xadd(record, stream)).toList()).replaceWithVoid();
            }

            @Override
            public Uni<Void> ping() {
                return redis.send(Request.cmd(Command.PING)).replaceWithVoid();
            }
        };
    }

    private static Request xadd(EventLogRecord record, RedisStreamConfig stream) {
        Request request = Request.cmd(Command.XADD).arg(stream.key())
                .arg("MAXLEN").arg("~").arg(stream.maxLength()).arg("*")
                .arg("timestamp").arg(record.timestamp().toString())
                .arg("level").arg(record.level().name())
                .arg("logger").arg(record.logger())
                .arg("context").arg(record.context())
                .arg("message").arg(record.message())
                .arg("data").arg(record.data().toString());
        for (Map.Entry<String, String> attribute : record.attributes().entrySet()) {
            request.arg(ATTRIBUTE_PREFIX + attribute.getKey()).arg(attribute.getValue());
        }
        return request;
    }
}
