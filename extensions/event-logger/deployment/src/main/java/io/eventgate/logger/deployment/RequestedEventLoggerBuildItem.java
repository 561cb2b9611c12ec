package io.eventgate.logger.deployment;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * A logger name the application injects, so one {@code EventLogger} bean is made for it.
 */
public final class RequestedEventLoggerBuildItem extends MultiBuildItem {

    private final String name;

    public RequestedEventLoggerBuildItem(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }
}
