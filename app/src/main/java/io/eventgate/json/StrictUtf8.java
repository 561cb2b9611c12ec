package io.eventgate.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 as RFC 3629 defines it, refusing what lenient decoders replace or accept: overlong
 * forms, encoded surrogates, code points past U+10FFFF, truncated sequences (docs/protocol.md section 1).
 * The JDK's decoder does the checking; this class only reports where it failed.
 */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** Thrown with the offset of the first byte that is not valid UTF-8. */
    public static final class InvalidUtf8Exception extends Exception {

        private static final long serialVersionUID = 1L;

        private final int offset;

        InvalidUtf8Exception(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }

        /** Where the invalid sequence starts, counted in bytes from 0. */
        public int offset() {
            return offset;
        }
    }

    /** The characters of {@code bytes}, which must be valid UTF-8. */
    public static CharBuffer decode(byte[] bytes) throws InvalidUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new InvalidUtf8Exception(offset, "invalid UTF-8 at byte " + offset + " ("
                    + hex(bytes, offset, result.length()) + ")");
        }
        return out.flip();
    }

    /** How many bytes {@code text} takes in UTF-8, without encoding it. */
    public static int encodedLength(String text) {
        int bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x800) {
                // Three bytes, or four for a surrogate pair: two chars of two more bytes each.
                bytes += Character.isSurrogate(c) ? 1 : 2;
            } else if (c >= 0x80) {
                bytes += 1;
            }
        }
        return bytes;
    }

    private static String hex(byte[] bytes, int offset, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = offset; i < Math.min(bytes.length, offset + Math.max(1, length)); i++) {
            text.append(text.length() == 0 ? "" : " ").append(String.format("%02X", bytes[i] & 0xFF));
        }
        return text.toString();
    }
}
