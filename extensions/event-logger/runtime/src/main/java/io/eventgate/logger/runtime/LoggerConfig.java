package io.eventgate.logger.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * The configuration of one event logger.
 */
@ConfigGroup
public interface LoggerConfig {

    /**
     * The strategies that store this logger's records, each record going to all of them. Built in:
     * {@code jboss} (JBoss Logging, category = the record's context), {@code console} (standard
     * output), {@code mongo} (needs {@code quarkus-mongodb-client} or {@code quarkus-mongodb-panache}),
     * {@code redis-stream} (needs {@code quarkus-redis-client}) and {@code none} (stores nothing: the
     * logger is off). Any CDI bean implementing
     * {@code EventLogStrategy} with {@code @Identifier("name")} can be named here too. An unknown name
     * fails the start and lists the known ones.
     */
    @WithDefault("jboss")
    List<String> strategies();

    /**
     * The strategy that receives what a batched store could not store: a batch still failing
     * after its retries, records refused by a full queue when {@code queue.overflow} is
     * {@code failover}, and what is left when shutdown time runs out.
     */
    @WithDefault("jboss")
    String failover();

    /**
     * The bounded queue in front of each batched store (console, mongo, redis-stream, and custom strategies whose stores are {@code EventLogStore.Batched}).
     */
    QueueConfig queue();

    /**
     * How a failed batch is retried before it goes to the failover strategy.
     */
    RetryConfig retry();

    /**
     * Settings of the {@code console} strategy for this logger.
     */
    ConsoleConfig console();

    /**
     * Settings of the {@code mongo} strategy for this logger.
     */
    MongoConfig mongo();

    /**
     * Settings of the {@code redis-stream} strategy for this logger.
     */
    RedisStreamConfig redisStream();

    /** The bounded queue in front of a batched store. */
    @ConfigGroup
    interface QueueConfig {

        /**
         * The most records waiting for one strategy; past it, {@code overflow} decides.
         */
        @WithDefault("10000")
        int capacity();

        /**
         * The most records written in one batch.
         */
        @WithDefault("500")
        int batchSize();

        /**
         * The longest a record waits for its batch to fill before the batch is written anyway.
         */
        @WithDefault("200ms")
        Duration flushInterval();

        /**
         * What happens to a record that finds the queue full: {@code failover} hands it to the
         * failover strategy at once, {@code drop-newest} drops it, {@code drop-oldest} drops the
         * oldest waiting record to make room. Dropped records are counted and reported.
         */
        @WithDefault("failover")
        OverflowPolicy overflow();

        /**
         * The longest one batch write may take before it counts as failed.
         */
        @WithDefault("5s")
        Duration writeTimeout();

        /**
         * The longest the queue is given at shutdown to write what it holds; what is left then goes
         * to the failover strategy and is reported with its count.
         */
        @WithDefault("10s")
        Duration shutdownTimeout();
    }

    /** What to do with a record that finds its queue full. */
    enum OverflowPolicy {
        FAILOVER,
        DROP_NEWEST,
        DROP_OLDEST
    }

    /** Retries of a failed batch, with exponential backoff. */
    @ConfigGroup
    interface RetryConfig {

        /**
         * How many times a failed batch is tried again before it goes to the failover strategy.
         */
        @WithDefault("3")
        int maxRetries();

        /**
         * The wait before the first retry; each further retry waits twice as long.
         */
        @WithDefault("200ms")
        Duration initialBackoff();

        /**
         * The longest wait between two retries.
         */
        @WithDefault("5s")
        Duration maxBackoff();
    }

    /** Settings of the {@code console} strategy. */
    @ConfigGroup
    interface ConsoleConfig {

        /**
         * How each record is printed: {@code plain} (one readable line) or {@code json} (one JSON
         * object per line).
         */
        @WithDefault("plain")
        ConsoleFormat format();
    }

    /** The line formats of the {@code console} strategy. */
    enum ConsoleFormat {
        PLAIN,
        JSON
    }

    /** Settings of the {@code mongo} strategy. */
    @ConfigGroup
    interface MongoConfig {

        /**
         * The database the records are written to, through the default MongoDB client
         * ({@code quarkus.mongodb.connection-string}).
         */
        @WithDefault("eventlog")
        String database();

        /**
         * The collection the records are written to. It gets indexes on {@code timestamp},
         * {@code context} and {@code attributes.eventId}.
         */
        @WithDefault("event_log")
        String collection();

        /**
         * How long records are kept: when set, a TTL index on {@code timestamp} makes MongoDB delete
         * older ones. Unset: kept until deleted by other means.
         */
        Optional<Duration> retention();
    }

    /** Settings of the {@code redis-stream} strategy. */
    @ConfigGroup
    interface RedisStreamConfig {

        /**
         * The key of the stream the records are appended to ({@code XADD}), through the default
         * Redis client ({@code quarkus.redis.hosts}).
         */
        @WithDefault("event-log")
        String key();

        /**
         * The approximate most entries the stream keeps ({@code XADD ... MAXLEN ~ n}); older ones are
         * trimmed.
         */
        @WithDefault("1000000")
        long maxLength();
    }
}
