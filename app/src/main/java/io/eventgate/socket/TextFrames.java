package io.eventgate.socket;

import java.nio.ByteBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Text frames encoded once for every socket they go to, header included, as a server sends them
 * (RFC 6455 section 5.2: final, unmasked, no extension bits). Netty's WebSocket encoder only
 * encodes {@code WebSocketFrame} messages and passes bytes on as they are, so each socket writes a
 * duplicate of the one buffer: no frame object, header buffer or copy of the text per socket. The
 * buffer is direct, because a socket writes only direct buffers (Netty copies a heap one per write),
 * and freed with the garbage collector, not by a count of references: many sockets, on several event
 * loops, write it over time, some long after the event (a replay holds it), and none may release it.
 */
public final class TextFrames {

    private static final int FINAL_TEXT = 0x81;
    private static final int LENGTH_IN_TWO_BYTES = 126;
    private static final int LENGTH_IN_EIGHT_BYTES = 127;
    private static final int LARGEST_TWO_BYTE_LENGTH = 0xFFFF;

    private TextFrames() {
    }

    /** The frame of {@code text}, UTF-8 bytes, as one read-only buffer that nothing can release. */
    public static ByteBuf encode(byte[] text) {
        int length = text.length;
        ByteBuffer frame = ByteBuffer.allocateDirect(headerLength(length) + length);
        frame.put((byte) FINAL_TEXT);
        if (length < LENGTH_IN_TWO_BYTES) {
            frame.put((byte) length);
        } else if (length <= LARGEST_TWO_BYTE_LENGTH) {
            frame.put((byte) LENGTH_IN_TWO_BYTES).putShort((short) length);
        } else {
            frame.put((byte) LENGTH_IN_EIGHT_BYTES).putLong(length);
        }
        frame.put(text).flip();
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(frame).asReadOnly());
    }

    private static int headerLength(int textLength) {
        if (textLength < LENGTH_IN_TWO_BYTES) {
            return 2;
        }
        return textLength <= LARGEST_TWO_BYTE_LENGTH ? 4 : 10;
    }
}
