package dev.glasshouse.engine.wire;

/** Operations whose successful reply is the header alone (delete, setWatches, removeWatches, ...). */
public enum EmptyResponse implements ResponseBody {
    INSTANCE;

    @Override
    public void write(JuteOutput out) {
        // The header says everything for these operations.
    }
}
