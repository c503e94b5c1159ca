package dev.glasshouse.engine.server;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What an operator can do with a running local ensemble, by member id ({@code myid}, 1..N): the
 * commands of {@code glasshouse-engine ensemble}. {@link LocalEnsemble} is the real one; tests of the
 * command shell use a fake.
 */
public interface EnsembleControl extends AutoCloseable {

    /** The client connect string of every member, e.g. {@code 127.0.0.1:41873,127.0.0.1:41877}. */
    String connectString();

    /** Member ids in ascending order: voters first, then observers. */
    List<Integer> memberIds();

    int clientPort(int id);

    /** The process id of the member's JVM; empty when it is not running. */
    OptionalLong pid(int id);

    /**
     * What the member says it is ({@code leader}, {@code follower}, {@code observer} or {@code standalone});
     * empty when it does not answer.
     */
    Optional<String> mode(int id);

    /** The member that says it leads; empty during an election or when no quorum is up. */
    OptionalInt leaderId();

    /** SIGKILL, like a crash. */
    void kill(int id) throws InterruptedException;

    /**
     * SIGSTOP: the member freezes with every connection open, like a long garbage-collection pause;
     * its peers hear nothing and, if it led, elect another leader while it still believes it leads.
     */
    void pause(int id) throws InterruptedException;

    /** SIGCONT: a paused member runs on and finds out what happened while it was frozen. */
    void resume(int id) throws InterruptedException;

    /** SIGTERM: a graceful stop. */
    void stop(int id) throws InterruptedException;

    /**
     * Starts the member again on its ports and data directory, stopping it first if it runs, and waits
     * until it serves.
     */
    void restart(int id) throws Exception;

    /** Stops every member it started. */
    @Override
    void close();
}
