package io.eventgate.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import io.eventgate.config.EventgateConfig;
import io.eventgate.delivery.Delivery;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The history of a single node, in memory: per room, and for broadcasts, the last
 * {@code eventgate.history.max-events} frames of at most {@code eventgate.history.ttl}, and at most
 * {@code eventgate.history.max-bytes} of frames in all.
 * <p>
 * Why the order holds: {@link #append} gives the next sequence number, records the frame and hands
 * it to delivery under one lock, so sequence order is the order in which deliveries are queued, which
 * is the order every socket gets them. {@link #replay} registers the socket and reads the history
 * under the same lock: an event appended before is in the replay (or before the offset), an event
 * appended after reaches the socket live, and the socket drops any delivery numbered at most
 * {@link Replay#upTo()} that reaches it anyway.
 */
// Not a History bean of its own: the History in use is the one HistoryProducer picks.
@Singleton
@Typed(LocalHistory.class)
public class LocalHistory implements History {

    /** The stream of the broadcasts: no room has an empty name. */
    private static final String BROADCASTS = "";
    private static final long SWEEP_MILLIS = 5000;

    private record Entry(long seq, Instant at, String frame, int bytes) {
    }


    /** One room's retained frames, and the last sequence number it has let go of. */
    private static final class Stream {
        final ArrayDeque<Entry> entries = new ArrayDeque<>();
        long trimmedUpTo;
    }

    /** What {@link #append} did: the event's offset, and its delivery on its way. */
    public record Appended(Offset offset, Uni<Void> delivered) {
    }

    private final String epoch = Offset.newEpoch();
    private final int maxEvents;
    private final long maxBytes;
    private final Duration ttl;
    /** The first sequence number of each stream that has events, to find the oldest event of all. */
    private final TreeMap<Long, String> heads = new TreeMap<>();
    private long bytes;
    private final Vertx vertx;
    private final Map<String, Stream> streams = new HashMap<>();
    private long last;
    /** The highest sequence number of the streams forgotten entirely (every frame expired). */
    private long forgottenUpTo;
    private long sweeper = -1;

    public LocalHistory(EventgateConfig config, Vertx vertx) {
        this.maxEvents = config.history().maxEvents();
        this.maxBytes = config.history().maxBytes().asLongValue();
        this.ttl = config.history().ttl();
        this.vertx = vertx;
    }

    @PostConstruct
    void start() {
        sweeper = vertx.setPeriodic(SWEEP_MILLIS, id -> sweep());
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(sweeper);
    }

    /**
     * Numbers the event, has its frame written with its offset, keeps the frame and hands it to
     * delivery, all in order with every other append.
     */
    public synchronized Appended append(Optional<String> room, Instant at, Function<Offset, Delivery> prepare,
            Function<Delivery, Uni<Void>> deliver) {
        Offset offset = new Offset(epoch, ++last);
        Delivery delivery = prepare.apply(offset);
        String key = room.orElse(BROADCASTS);
        Stream stream = streams.computeIfAbsent(key, name -> new Stream());
        if (stream.entries.isEmpty()) {
            heads.put(offset.seq(), key);
        }
        stream.entries.addLast(new Entry(offset.seq(), at, delivery.frame(), delivery.frameBytes()));
        bytes += delivery.frameBytes();
        trim(stream, at.minus(ttl));
        trimToBytes();
        return new Appended(offset, deliver.apply(delivery));
    }

    @Override
    public Uni<Replay> replay(String since, Collection<String> rooms, boolean broadcasts, Runnable register) {
        return Uni.createFrom().item(replayNow(since, rooms, broadcasts, register));
    }

    private synchronized Replay replayNow(String since, Collection<String> rooms, boolean broadcasts, Runnable register) {
        register.run();
        Optional<Offset> offset = usable(since);
        if (offset.isEmpty()) {
            return new Replay(List.of(), false, last);
        }
        List<String> keys = new ArrayList<>(rooms);
        if (broadcasts) {
            keys.add(BROADCASTS);
        }
        Read read = read(keys, offset.get().seq(), maxEvents * keys.size());
        return new Replay(read.frames(), read.recovered(), last);
    }

    @Override
    public Uni<HistoryPage> page(Optional<String> room, Optional<String> since, int limit) {
        return Uni.createFrom().item(pageNow(room, since, limit));
    }

    private synchronized HistoryPage pageNow(Optional<String> room, Optional<String> since, int limit) {
        long after = 0;
        if (since.isPresent()) {
            Optional<Offset> offset = usable(since.get());
            if (offset.isEmpty()) {
                return new HistoryPage(List.of(), false);
            }
            after = offset.get().seq();
        }
        Read read = read(List.of(room.orElse(BROADCASTS)), after, limit);
        return new HistoryPage(read.frames(), since.isEmpty() || read.recovered());
    }

    private record Read(List<String> frames, boolean recovered) {
    }

    private Read read(List<String> keys, long after, int limit) {
        Instant cutoff = Instant.now().minus(ttl);
        boolean recovered = true;
        List<Entry> found = new ArrayList<>();
        for (String key : keys) {
            Stream stream = streams.get(key);
            if (stream == null) {
                recovered &= after >= forgottenUpTo;
                continue;
            }
            trim(stream, cutoff);
            recovered &= after >= stream.trimmedUpTo;
            for (Entry entry : stream.entries) {
                if (entry.seq() > after) {
                    found.add(entry);
                }
            }
        }
        found.sort(Comparator.comparingLong(Entry::seq));
        return new Read(found.stream().limit(limit).map(Entry::frame).toList(), recovered);
    }

    /** The offset written {@code since}, when it is one of this history's and not from its future. */
    private Optional<Offset> usable(String since) {
        return Offset.parse(since).filter(offset -> offset.epoch().equals(epoch) && offset.seq() <= last);
    }

    private void trim(Stream stream, Instant cutoff) {
        while (!stream.entries.isEmpty() && (stream.entries.size() > maxEvents
                || stream.entries.peekFirst().at().isBefore(cutoff))) {
            drop(stream);
        }
    }

    /** Past the byte bound, the oldest events of all go, whichever streams they are in. */
    private void trimToBytes() {
        while (bytes > maxBytes && !heads.isEmpty()) {
            drop(streams.get(heads.firstEntry().getValue()));
        }
    }

    private void drop(Stream stream) {
        Entry dropped = stream.entries.removeFirst();
        stream.trimmedUpTo = dropped.seq();
        bytes -= dropped.bytes();
        String key = heads.remove(dropped.seq());
        if (key != null && !stream.entries.isEmpty()) {
            heads.put(stream.entries.peekFirst().seq(), key);
        }
    }

    /** Lets go of expired frames, and of the streams left empty. */
    private synchronized void sweep() {
        Instant cutoff = Instant.now().minus(ttl);
        for (Iterator<Stream> each = streams.values().iterator(); each.hasNext();) {
            Stream stream = each.next();
            trim(stream, cutoff);
            if (stream.entries.isEmpty()) {
                forgottenUpTo = Math.max(forgottenUpTo, stream.trimmedUpTo);
                each.remove();
            }
        }
    }
}
