package io.eventgate.history;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every rule of docs/protocol.md section 4 with the history in Redis. */
@QuarkusTest
@TestProfile(RedisBackplaneProfile.class)
class RedisResumeTest extends ResumeTest {
}
