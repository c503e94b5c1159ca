package dev.glasshouse.engine.wire;

/**
 * Bytes that do not decode as the record they claim to be: a truncated field, a negative or
 * oversized length, an unknown type. The network layer answers it by closing only the connection
 * that sent the bytes; nothing that failed to decode ever reaches the data tree.
 */
public final class WireFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(message);
    }
}
