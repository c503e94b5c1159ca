package dev.glasshouse.engine.request;

/**
 * How a member serves and how far it got: its {@link ServingMode}, the last zxid it prepared and
 * the last it applied. Shared by the pipeline and its collaborators, so that every transaction
 * prepared anywhere takes the next zxid. Confined to the member's event-loop thread.
 */
final class ServingState {
    private ServingMode mode = ServingMode.STANDALONE;
    private long lastPreparedZxid;
    private long lastAppliedZxid;

    ServingState(long recoveredZxid) {
        this.lastPreparedZxid = recoveredZxid;
        this.lastAppliedZxid = recoveredZxid;
    }

    ServingMode mode() {
        return mode;
    }

    boolean is(ServingMode candidate) {
        return mode == candidate;
    }

    void serve(ServingMode next) {
        mode = next;
    }

    long lastPreparedZxid() {
        return lastPreparedZxid;
    }

    long lastAppliedZxid() {
        return lastAppliedZxid;
    }

    /** Takes the zxid for a transaction about to be prepared. */
    long nextZxid() {
        return ++lastPreparedZxid;
    }

    /** A transaction was prepared with {@code zxid}, peeked as {@code lastPreparedZxid() + 1}. */
    void prepared(long zxid) {
        lastPreparedZxid = zxid;
    }

    /** Leading from {@code nextZxid} on, which must come after everything applied. */
    void leadFrom(long nextZxid) {
        if (nextZxid <= lastAppliedZxid) {
            throw new IllegalStateException("leading from zxid 0x" + Long.toHexString(nextZxid)
                    + ", not after applied 0x" + Long.toHexString(lastAppliedZxid));
        }
        lastPreparedZxid = nextZxid - 1;
    }

    /** The transaction {@code zxid} is being applied; throws when it does not follow the last one. */
    void applied(long zxid) {
        // Standalone zxids have no gaps; an ensemble's jump to the next epoch's counter 1.
        boolean inOrder = mode == ServingMode.STANDALONE ? zxid == lastAppliedZxid + 1 : zxid > lastAppliedZxid;
        if (!inOrder) {
            throw new IllegalStateException("transaction 0x" + Long.toHexString(zxid)
                    + " applied after 0x" + Long.toHexString(lastAppliedZxid) + "; zxids must be applied in order");
        }
        lastAppliedZxid = zxid;
        lastPreparedZxid = Math.max(lastPreparedZxid, lastAppliedZxid);
    }
}
