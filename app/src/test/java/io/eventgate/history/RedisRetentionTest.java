package io.eventgate.history;

import org.junit.jupiter.api.Disabled;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Retention with the history in Redis: per room, by count and by age. */
@QuarkusTest
@TestProfile(RedisBackplaneProfile.Limited.class)
class RedisRetentionTest extends RetentionTest {

    @Override
    @Disabled("In Redis, the history's memory is bounded per room by max-events; max-bytes bounds a node's own history")
    void pastMaxBytesTheOldestEventsOfAllRoomsGo() {
    }
}
