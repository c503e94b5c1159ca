package dev.glasshouse.samples.election;

/**
 * Told when this participant becomes leader and when it must stop acting as one. Called on the
 * ZooKeeper handle's event thread: return quickly and hand long work to another thread.
 */
public interface LeadershipListener {

    /** This participant now leads: every earlier candidate is gone. */
    void elected();

    /** The session ended (closed or expired): another candidate may already lead. */
    void ousted();
}
