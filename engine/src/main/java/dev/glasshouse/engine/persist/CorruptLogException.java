package dev.glasshouse.engine.persist;

import java.io.IOException;

/**
 * Damage that recovery must not repair by guessing: a bad checksum or an undecodable record before
 * the end of the log, a missing stretch of transactions, an unreadable header. Start-up stops with
 * an ERROR that shows {@link #getMessage()}: what is damaged, where, and what the operator can do.
 */
public final class CorruptLogException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long offset;

    public CorruptLogException(String file, long offset, String message) {
        super(message);
        this.file = file;
        this.offset = offset;
    }

    public String file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
