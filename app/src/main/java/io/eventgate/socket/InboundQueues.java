package io.eventgate.socket;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Sizes the queue that websockets-next gives each connection for its serial inbound processing: an
 * unbounded queue of chunks whose first chunk takes Mutiny's small buffer size
 * ({@value #PROPERTY}, Mutiny's default unless set), the largest single item of an idle socket,
 * for a queue that is almost always empty. At start, unless that system property is set, it becomes
 * {@value #SLOTS}, Mutiny's least.
 * Mutiny also takes it as the prefetch of {@code Multi.emitOn} and the default concurrency of
 * {@code merge()}; eventgate uses neither, and a merge of streams that complete is only paced by it.
 */
@Singleton
class InboundQueues {

    static final String PROPERTY = "mutiny.buffer-size.s";
    static final int SLOTS = 16;

    void size(@Observes StartupEvent start) {
        if (System.getProperty(PROPERTY) == null) {
            Infrastructure.setBufferSizeS(SLOTS);
        }
    }
}
