package io.eventgate.subscribe;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link SubscriberAuthTest} against the packaged service: the fast-jar, or the native executable with {@code -Pnative}. */
@QuarkusIntegrationTest
@TestProfile(Rs256Profile.class)
class SubscriberAuthIT extends SubscriberAuthTest {
}
