package io.eventgate.delivery;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link StoredLogRecordsTest} against the packaged service: the fast-jar, or the native executable with {@code -Pnative}. */
@QuarkusIntegrationTest
@TestProfile(StoresProfile.class)
class StoredLogRecordsIT extends StoredLogRecordsTest {
}
