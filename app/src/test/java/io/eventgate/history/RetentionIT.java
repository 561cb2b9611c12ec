package io.eventgate.history;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link RetentionTest} against the packaged service: the fast-jar, or the native executable with {@code -Pnative}. */
@QuarkusIntegrationTest
@TestProfile(HistoryLimitsProfile.class)
class RetentionIT extends RetentionTest {
}
