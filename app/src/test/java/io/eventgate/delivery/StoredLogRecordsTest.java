package io.eventgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import io.eventgate.support.Publish;
import io.eventgate.support.TestSocket;
import io.eventgate.testing.RedisStreams;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;

/** With the "stores" profile, the event and each delivery outlive the pod: in MongoDB and in Redis. */
@QuarkusTest
@TestProfile(StoresProfile.class)
class StoredLogRecordsTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void storesTheEventAndItsDeliveriesInMongoAndRedis() {
        // The test's own clients, so that it reads the stores the same way whether the service runs
        // in this JVM or as the packaged jar or native executable.
        try (MongoClient mongo = MongoClients.create(StoresProfile.MONGO.url())) {
            Vertx vertx = Vertx.vertx();
            try {
                check(mongo, Redis.createClient(vertx, StoresProfile.REDIS.url()));
            } finally {
                vertx.closeAndAwait();
            }
        }
    }

    private void check(MongoClient mongo, Redis redis) {
        MongoCollection<Document> events = mongo.getDatabase("eventgate").getCollection("events");
        MongoCollection<Document> deliveries = mongo.getDatabase("eventgate").getCollection("deliveries");
        try (TestSocket socket = TestSocket.connect(base, "rooms=stored")) {
            String id = Publish.accepted("{\"event\":\"order.stored\",\"room\":\"stored\",\"data\":{\"orderId\":\"o-1\"}}");
            socket.next("event");

            // The in-JVM wire-protocol server can fail a query that races an insert into the same
            // collection (its ConcurrentModificationException, as "Unknown error"): the poll asks again.
            await().atMost(Duration.ofSeconds(15)).ignoreExceptionsInstanceOf(MongoCommandException.class)
                    .until(() -> events.countDocuments(new Document("attributes.eventId", id)) == 1
                            && deliveries.countDocuments(new Document("attributes.eventId", id)) == 1);
            Document event = events.find(new Document("attributes.eventId", id)).first();
            assertThat(event.getString("context")).isEqualTo("order.stored");
            assertThat(event.getString("message")).isEqualTo("orderId: o-1");
            assertThat(event.get("data", Document.class)).containsEntry("orderId", "o-1");
            Document delivery = deliveries.find(new Document("attributes.eventId", id)).first();
            assertThat(delivery.getString("message")).isEqualTo("event sent to: " + socket.connectionId());

            await().atMost(Duration.ofSeconds(15)).until(() -> of(RedisStreams.read(redis, "eventgate:deliveries"), id).size() == 1);
            assertThat(of(RedisStreams.read(redis, "eventgate:events"), id)).singleElement()
                    .satisfies(entry -> assertThat(entry).containsEntry("context", "order.stored")
                            .containsEntry("data", "{\"orderId\":\"o-1\"}").containsEntry("attr.room", "stored"));
        }
    }

    private static List<Map<String, String>> of(List<Map<String, String>> entries, String eventId) {
        return entries.stream().filter(entry -> eventId.equals(entry.get("attr.eventId"))).toList();
    }
}
