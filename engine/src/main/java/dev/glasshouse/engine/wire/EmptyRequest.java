package dev.glasshouse.engine.wire;

/** ping, closeSession and whoAmI carry no record after the header. */
public enum EmptyRequest implements RequestBody {
    INSTANCE;

    @Override
    public void write(OpCode op, JuteOutput out) {
        // Nothing follows the header for these operations.
    }
}
