package io.eventgate.logger.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;

import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;
import io.eventgate.testing.MongoEndpoint;
import io.quarkus.test.QuarkusUnitTest;

/** The mongo strategy writes every record, exactly, through the real Quarkus MongoDB client. */
class MongoStrategyTest {

    static final MongoEndpoint MONGO = MongoEndpoint.start();

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Records.class))
            .overrideConfigKey("quarkus.mongodb.connection-string", MONGO.url())
            .overrideConfigKey("quarkus.event-logger.\"audit\".strategies", "mongo")
            .overrideConfigKey("quarkus.event-logger.\"audit\".mongo.database", "eventlog_test")
            .overrideConfigKey("quarkus.event-logger.\"audit\".mongo.collection", "audit_log")
            .overrideConfigKey("quarkus.event-logger.\"audit\".mongo.retention", "P7D")
            .overrideConfigKey("quarkus.event-logger.\"audit\".queue.batch-size", "10")
            .overrideConfigKey("quarkus.event-logger.\"audit\".queue.flush-interval", "50ms");

    @Inject
    @EventLoggerName("audit")
    EventLogger audit;

    @Inject
    MongoClient client;

    @Test
    void storesEachRecordWithItsFieldsAndIndexes() {
        MongoCollection<Document> collection = client.getDatabase("eventlog_test").getCollection("audit_log");
        collection.deleteMany(new Document());
        for (int i = 0; i < 25; i++) {
            audit.log(Records.numbered("order.created", i));
        }
        // The in-JVM wire-protocol server can fail a query that races an insert (its
        // ConcurrentModificationException, as "Unknown error"): the poll asks again.
        await().atMost(Duration.ofSeconds(15)).ignoreExceptionsInstanceOf(MongoCommandException.class)
                .until(() -> collection.countDocuments() == 25);

        List<Document> documents = collection.find().sort(Sorts.ascending("data.n")).into(new ArrayList<>());
        for (int i = 0; i < 25; i++) {
            Document document = documents.get(i);
            assertThat(document.getString("logger")).isEqualTo("audit");
            assertThat(document.getString("context")).isEqualTo("order.created");
            assertThat(document.getString("message")).isEqualTo("record " + i);
            assertThat(document.getString("level")).isEqualTo("INFO");
            assertThat(document.get("timestamp")).isInstanceOf(Date.class);
            assertThat(document.get("data", Document.class)).containsEntry("n", i).containsEntry("orderId", "order-" + i);
            assertThat(document.get("attributes", Document.class)).containsEntry("eventId", "event-" + i);
        }

        List<Document> indexes = collection.listIndexes().into(new ArrayList<>());
        assertThat(indexes).extracting(index -> index.get("key", Document.class).keySet().iterator().next())
                .contains("timestamp", "context", "attributes.eventId");
    }
}
