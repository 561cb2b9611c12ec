package io.eventgate.logger.it;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.eventgate.logger.EventLogRecord;
import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;

/**
 * A module of some other service: its audit trail and its operational notes go to different
 * stores, by configuration alone.
 */
@ApplicationScoped
public class Checkout {

    private final EventLogger audit;
    private final EventLogger ops;

    public Checkout(@EventLoggerName("audit") EventLogger audit, @EventLoggerName("ops") EventLogger ops) {
        this.audit = audit;
        this.ops = ops;
    }

    public void placeOrder(String orderId, int total) {
        audit.log(EventLogRecord.builder("order.placed", "orderId: " + orderId)
                .data(JsonNodeFactory.instance.objectNode().put("orderId", orderId).put("total", total))
                .attribute("orderId", orderId)
                .build());
        ops.log(EventLogRecord.builder("checkout.latency", "order " + orderId + " placed").build());
    }
}
