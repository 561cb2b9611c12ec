package io.eventgate.logger.runtime.mongo;

import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.bson.Document;
import org.jboss.logging.Logger;

import com.mongodb.MongoCommandException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.eventgate.logger.EventLogRecord;
import io.eventgate.logger.EventLogStore;
import io.eventgate.logger.EventLogStrategy;
import io.eventgate.logger.runtime.ClientLookup;
import io.eventgate.logger.runtime.LoggerConfig;
import io.eventgate.logger.runtime.LoggerConfig.MongoConfig;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;

/**
 * Stores records in MongoDB, one document each, with {@code insertMany} per batch, through the
 * application's default reactive MongoDB client. Each logger chooses its database and collection,
 * which get their indexes (and the retention TTL) on first use.
 */
@Singleton
@Identifier(MongoLogStrategy.ID)
public class MongoLogStrategy implements EventLogStrategy {

    public static final String ID = "mongo";

    private static final Logger LOG = Logger.getLogger(MongoLogStrategy.class);

    /** MongoDB's codes for an index that exists with other options, such as another TTL. */
    private static final Set<Integer> INDEX_CONFLICTS = Set.of(85, 86);

    private final ReactiveMongoClient client;
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();

    /** Looks the client up only now that a logger names this strategy, as the redis-stream strategy does. */
    public MongoLogStrategy(Instance<ReactiveMongoClient> client) {
        this.client = ClientLookup.get(client, ID, "quarkus.mongodb.connection-string");
    }

    @Override
    public EventLogStore open(LoggerConfig logger) {
        return new CollectionStore(logger.mongo());
    }

    /** One logger's collection. */
    private final class CollectionStore implements EventLogStore.Batched {

        private final MongoConfig target;
        private final ReactiveMongoCollection<Document> collection;

        CollectionStore(MongoConfig target) {
            this.target = target;
            this.collection = client.getDatabase(target.database()).getCollection(target.collection());
        }

        @Override
        public Uni<Void> write(List<EventLogRecord> batch) {
            List<Document> documents = batch.stream().map(MongoLogStrategy::document).toList();
            return ensureIndexes(target, collection).chain(() -> collection.insertMany(documents)).replaceWithVoid();
        }

        @Override
        public Uni<Void> ping() {
            return client.getDatabase("admin").runCommand(new Document("ping", 1)).replaceWithVoid();
        }
    }

    private Uni<Void> ensureIndexes(MongoConfig target, ReactiveMongoCollection<Document> collection) {
        String key = target.database() + "." + target.collection();
        if (indexed.contains(key)) {
            return Uni.createFrom().voidItem();
        }
        IndexOptions timestampOptions = new IndexOptions();
        target.retention().ifPresent(retention -> timestampOptions.expireAfter(retention.toSeconds(), TimeUnit.SECONDS));
        return collection.createIndex(Indexes.ascending("timestamp"), timestampOptions)
                .chain(() -> collection.createIndex(Indexes.ascending("context", "timestamp")))
                .chain(() -> collection.createIndex(Indexes.ascending("attributes.eventId")))
                .onFailure(failure -> failure instanceof MongoCommandException command
                        && INDEX_CONFLICTS.contains(command.getErrorCode()))
                .recoverWithUni(failure -> {
                    LOG.warnf("Collection %s has an index with other options than configured (%s); keeping it", key,
                            failure.getMessage());
                    return Uni.createFrom().item(key);
                })
                .invoke(() -> indexed.add(key))
                .replaceWithVoid();
    }

    static Document document(EventLogRecord record) {
        return new Document("timestamp", Date.from(record.timestamp()))
                .append("level", record.level().name())
                .append("logger", record.logger())
                .append("context", record.context())
                .append("message", record.message())
                .append("data", BsonValues.of(record.data()))
                .append("attributes", new Document(record.attributes()));
    }
}
