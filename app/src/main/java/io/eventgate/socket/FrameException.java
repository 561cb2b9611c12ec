package io.eventgate.socket;

/**
 * A client frame the server cannot act on; its message goes back in an {@code error} frame.
 */
class FrameException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FrameException(String message) {
        super(message, null, false, false);
    }
}
