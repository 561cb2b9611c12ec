package io.eventgate.history;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The history in Redis, on the packaged service (its Lua scripts are resources of the jar and of the native image). */
@QuarkusIntegrationTest
@TestProfile(RedisBackplaneProfile.class)
class RedisResumeIT extends RedisResumeTest {
}
