package io.eventgate.logger.runtime.jboss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.OutputStreamHandler;

import io.eventgate.logger.EventLogRecord;

/**
 * The jboss strategy's writer against real JBoss Logging handlers: a console-like handler on a
 * stream that counts its flushes, and a gate that holds the writer thread inside a batch, so that
 * what queues meanwhile is known.
 */
class LineWriterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final LogContext context = LogContext.create();
    private final Logger lines = context.getLogger("lines");
    private final Logger gated = context.getLogger("gated");
    private final CountingStream out = new CountingStream();
    private final OutputStreamHandler console = new OutputStreamHandler(out, new PatternFormatter("%s%n"));
    private final Gate gate = new Gate();
    private LineWriter writer;

    @BeforeEach
    void handlers() {
        lines.addHandler(console);
        lines.setUseParentHandlers(false);
        gated.addHandler(gate);
        gated.setUseParentHandlers(false);
    }

    @AfterEach
    void stop() {
        gate.open();
        writer.stop(TIMEOUT.toMillis());
    }

    @Test
    void writesWhatQueuedMeanwhileInOneBatchWithOneFlushAndEachThreadsOrder() throws InterruptedException {
        writer = new LineWriter(4096, 1024);
        holdTheWriter();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.add(started(() -> {
                for (int n = 0; n < 250; n++) {
                    writer.write(line(lines, "t" + thread + " n" + n));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join(TIMEOUT.toMillis());
        }
        int flushesBefore = out.flushes.get();
        gate.open();
        await().atMost(TIMEOUT).until(() -> out.lines().size() == 1000);

        assertThat(out.flushes.get() - flushesBefore).as("flushes for 1,000 lines queued together").isEqualTo(1);
        assertThat(console.isAutoFlush()).as("auto-flush given back").isTrue();
        for (int t = 0; t < 4; t++) {
            String prefix = "t" + t + " ";
            assertThat(out.lines().stream().filter(l -> l.startsWith(prefix)).toList())
                    .as("thread %d's lines in its order", t)
                    .containsExactly(numbered(prefix, 250));
        }
    }

    @Test
    void aStopWritesTheQueueThenLaterLinesInPlaceAfterIt() throws InterruptedException {
        writer = new LineWriter(4096, 1024);
        holdTheWriter();
        for (int n = 0; n < 100; n++) {
            writer.write(line(lines, "queued n" + n));
        }
        Thread stopping = started(() -> writer.stop(TIMEOUT.toMillis()));
        await().atMost(TIMEOUT).until(() -> stopping.getState() == Thread.State.TIMED_WAITING);
        assertThat(out.lines()).as("nothing written while the writer is held").isEmpty();
        gate.open();
        stopping.join(TIMEOUT.toMillis());
        assertThat(out.lines()).as("the stop waited for the queue").hasSize(100);

        writer.write(line(lines, "after the stop"));

        assertThat(out.lines()).as("written in place, before write returned, after the queue").hasSize(101)
                .endsWith("after the stop");
    }

    @Test
    void aFullQueueMakesCallersWaitAndLosesNothing() throws InterruptedException {
        writer = new LineWriter(8, 1024);
        holdTheWriter();
        AtomicInteger queued = new AtomicInteger();
        Thread producer = started(() -> {
            for (int n = 0; n < 50; n++) {
                writer.write(line(lines, "full n" + n));
                queued.incrementAndGet();
            }
        });
        await().atMost(TIMEOUT).until(() -> producer.getState() == Thread.State.WAITING);
        assertThat(queued.get()).as("lines taken before the queue was full").isEqualTo(8);

        gate.open();
        producer.join(TIMEOUT.toMillis());

        await().atMost(TIMEOUT).until(() -> out.lines().size() == 50);
        assertThat(out.lines()).containsExactly(numbered("full ", 50));
    }

    @Test
    void keepsTheLevelAndTheThreadOfTheMomentItWasLogged() {
        writer = new LineWriter(16, 16);
        console.setFormatter(new PatternFormatter("%p %t %X{eventLogger} %X{eventId} %s%n"));
        Thread caller = Thread.currentThread();
        writer.write(new QueuedLine(lines, org.jboss.logmanager.Level.WARN,
                EventLogRecord.builder("lines", "hello").attribute("eventId", "e-1").build().withLogger("ops"),
                caller.getName(), caller.getId()));
        await().atMost(TIMEOUT).until(() -> out.lines().size() == 1);
        assertThat(out.lines()).containsExactly("WARN " + caller.getName() + " ops e-1 hello");
    }

    @Test
    void theHandlersItWritesToRenderTheirDateOncePerMillisecond() {
        writer = new LineWriter(16, 16);
        PatternFormatter dated = new PatternFormatter("%d{HH:mm:ss,SSS} %s%n");
        console.setFormatter(dated);

        writer.write(line(lines, "dated"));

        await().atMost(TIMEOUT).until(() -> out.lines().size() == 1);
        assertThat(dated.getSteps()).hasAtLeastOneElementOfType(MillisecondDateStep.class);
        assertThat(out.lines().get(0)).matches("\\d\\d:\\d\\d:\\d\\d,\\d{3} dated");
    }

    /** Queues a line for the gate and waits until the writer thread is held inside it. */
    private void holdTheWriter() throws InterruptedException {
        writer.write(line(gated, "gate"));
        assertThat(gate.entered.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("writer reached the gate").isTrue();
    }

    private static QueuedLine line(Logger category, String message) {
        return new QueuedLine(category, Level.INFO, EventLogRecord.builder(category.getName(), message).build(),
                Thread.currentThread().getName(), Thread.currentThread().getId());
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    private static String[] numbered(String prefix, int count) {
        String[] expected = new String[count];
        for (int n = 0; n < count; n++) {
            expected[n] = prefix + "n" + n;
        }
        return expected;
    }

    /** Holds the thread that publishes to it until opened. */
    private static final class Gate extends ExtHandler {
        final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch opened = new CountDownLatch(1);

        void open() {
            opened.countDown();
        }

        @Override
        protected void doPublish(ExtLogRecord record) {
            entered.countDown();
            try {
                opened.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What a console would print, and how often it was flushed. */
    private static final class CountingStream extends ByteArrayOutputStream {
        final AtomicInteger flushes = new AtomicInteger();

        @Override
        public void flush() {
            flushes.incrementAndGet();
        }

        synchronized List<String> lines() {
            return toString(StandardCharsets.UTF_8).lines().toList();
        }
    }
}
