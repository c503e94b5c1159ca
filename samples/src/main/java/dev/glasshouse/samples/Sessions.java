package dev.glasshouse.samples;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;

/**
 * Opens ZooKeeper handles the way every participant in these samples does, and ends sessions the
 * two ways a participant can crash. Stateless.
 */
public final class Sessions {
    /** Long enough to ride out a slow CI machine; crashes in the samples are explicit, not timeouts. */
    public static final int SESSION_TIMEOUT_MILLIS = 10_000;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    private Sessions() {
    }

    /** A handle whose session is established: returns once the server has said SyncConnected. */
    public static ZooKeeper open(String connectString) throws IOException, InterruptedException, TimeoutException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, SESSION_TIMEOUT_MILLIS, event -> {
            if (event.getState() == KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            zk.close();
            throw new TimeoutException("Could not connect to ZooKeeper at " + connectString + " within "
                    + CONNECT_TIMEOUT.toSeconds() + " s. Is a server running there?");
        }
        return zk;
    }

    /**
     * Ends the session of {@code victim} from a second handle, as if it had expired: the server
     * deletes its ephemerals and fires their watches, while the victim's handle only learns of it
     * when it next hears from the server (it then sees {@code Expired}). This is what a process that
     * froze past its session timeout experiences, without waiting for the timeout.
     */
    public static void expire(ZooKeeper victim, String connectString)
            throws IOException, InterruptedException, TimeoutException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper twin = new ZooKeeper(connectString, SESSION_TIMEOUT_MILLIS, event -> {
            if (event.getState() == KeeperState.SyncConnected) {
                connected.countDown();
            }
        }, victim.getSessionId(), victim.getSessionPasswd());
        try {
            if (!connected.await(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException("Could not attach to session 0x" + Long.toHexString(victim.getSessionId()));
            }
        } finally {
            twin.close();   // closing any handle of a session ends the session for all of them
        }
    }
}
