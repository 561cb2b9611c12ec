package io.eventgate.delivery;

/** Where an accepted event is delivered: {@code eventgate.fanout}. */
public enum FanoutMode {
    /** To the sockets of the node that accepted it. */
    LOCAL,
    /** To the sockets of every replica, through Redis. */
    REDIS
}
