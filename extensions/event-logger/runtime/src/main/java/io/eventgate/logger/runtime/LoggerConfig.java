package io.eventgate.logger.runtime;

import java.util.List;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * The configuration of one event logger.
 */
@ConfigGroup
public interface LoggerConfig {

    /**
     * The strategies that store this logger's records, each record going to all of them. Built in:
     * {@code jboss} (JBoss Logging, category = the record's context) and {@code console} (standard
     * output). Any CDI bean implementing {@code EventLogStrategy} with {@code @Identifier("name")} can
     * be named here too. An unknown name fails the start and lists the known ones.
     */
    @WithDefault("jboss")
    List<String> strategies();

    /**
     * Settings of the {@code console} strategy for this logger.
     */
    ConsoleConfig console();

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
}
