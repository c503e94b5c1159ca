package dev.glasshouse.engine.persist;

import java.io.IOException;

/**
 * An {@code acceptedEpoch} or {@code currentEpoch} file that does not hold an epoch. Start-up stops
 * with an ERROR that shows {@link #getMessage()}: which file, what it holds and what the operator
 * can do.
 */
public final class CorruptEpochException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;

    public CorruptEpochException(String file, String message) {
        super(message);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
