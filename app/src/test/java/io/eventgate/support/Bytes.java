package io.eventgate.support;

import java.io.ByteArrayOutputStream;

/** Byte arrays for tests that send exact bytes. */
public final class Bytes {

    private Bytes() {
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
