package dev.glasshouse.samples.election;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.glasshouse.samples.Deadline;
import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.Znodes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;

/**
 * Leader election: each candidate is an ephemeral sequential znode and the lowest number leads.
 *
 * <pre>
 * /samples/election
 *     candidate-0000000000   alice   leads
 *     candidate-0000000001   bob     backup: watches candidate-0000000000 only
 *     candidate-0000000002   carol   watches candidate-0000000001 only
 * </pre>
 *
 * <p>When the leader's session ends its znode goes, and only the next candidate is told; it finds
 * itself lowest and takes over. When a waiting candidate goes, its successor just watches the
 * candidate before it. A leader learns that it lost its session from the {@code Expired} (or
 * {@code Closed}) event, and must then stop acting as leader at once: ZooKeeper already rejects
 * every write of that session, and a backup may be leading.
 *
 * <p>Checks run on the handle's event thread (and once on the caller's thread in {@link #join});
 * they are serialised by this object's monitor.
 */
public final class LeaderElection {
    private final Participant self;
    private final String electionPath;
    private final LeadershipListener listener;
    private final AtomicInteger wakeUps = new AtomicInteger();
    /** One watcher object: ZooKeeper then calls it once per change even if several reads set it. */
    private final Watcher watcher = this::onEvent;
    private final CountDownLatch electedLatch = new CountDownLatch(1);
    private volatile boolean leading;
    private volatile boolean ended;
    private Optional<String> ownName = Optional.empty();

    public LeaderElection(Participant self, String electionPath, LeadershipListener listener) {
        this.self = self;
        this.electionPath = electionPath;
        this.listener = listener;
    }

    /** Becomes a candidate; returns at once, leading or not. */
    public synchronized void join() throws KeeperException, InterruptedException {
        ZooKeeper zk = self.zk();
        Znodes.ensurePath(zk, electionPath);
        String path = zk.create(electionPath + "/candidate-", self.name().getBytes(UTF_8), Ids.OPEN_ACL_UNSAFE,
                CreateMode.EPHEMERAL_SEQUENTIAL);
        ownName = Optional.of(Znodes.nameOf(path));
        // A watch on our own node delivers the session's fate (Expired, Closed) even to a leader,
        // which has no other watch to receive it on.
        zk.exists(path, watcher);
        self.say("joins the election as " + ownName.get());
        check();
    }

    public boolean isLeader() {
        return leading;
    }

    /** Blocks until this participant leads; throws when {@code deadline} passes first. */
    public void awaitLeadership(Deadline deadline) throws InterruptedException, TimeoutException {
        if (!electedLatch.await(deadline.remainingMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException(self.name() + " was not elected in time");
        }
    }

    /** How many times a change of a watched znode woke this candidate. */
    public int wakeUps() {
        return wakeUps.get();
    }

    /** The name stored in the lowest candidate's znode: who leads now, as ZooKeeper sees it. */
    public static Optional<String> currentLeader(ZooKeeper zk, String electionPath)
            throws KeeperException, InterruptedException {
        for (String candidate : Znodes.sortedBySequence(zk.getChildren(electionPath, false))) {
            try {
                return Optional.of(new String(zk.getData(electionPath + "/" + candidate, false, null), UTF_8));
            } catch (KeeperException.NoNodeException gone) {
                // That candidate left while we looked: the next one is the leader.
            }
        }
        return Optional.empty();
    }

    private void onEvent(WatchedEvent event) {
        if (event.getType() != EventType.None) {
            wakeUps.incrementAndGet();
            check();
        } else if (event.getState() == KeeperState.Expired || event.getState() == KeeperState.Closed) {
            end();
        }
    }

    private synchronized void check() {
        if (ended || leading || ownName.isEmpty()) {
            return;
        }
        try {
            checkOnce(ownName.get());
        } catch (KeeperException e) {
            // SessionExpired arrives as an event too; anything else means this candidate cannot
            // tell whether it leads, so it says so instead of guessing.
            self.say("cannot check the election: " + e.code());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkOnce(String own) throws KeeperException, InterruptedException {
        while (true) {
            List<String> candidates = Znodes.sortedBySequence(self.zk().getChildren(electionPath, false));
            int position = candidates.indexOf(own);
            if (position < 0) {
                return;   // our node is gone with our session; the Expired event ends us
            }
            if (position == 0) {
                leading = true;
                self.say("is the LEADER (" + own + ")");
                electedLatch.countDown();
                listener.elected();
                return;
            }
            String predecessor = candidates.get(position - 1);
            try {
                byte[] name = self.zk().getData(electionPath + "/" + predecessor, watcher, null);
                self.say("is a backup; watches " + predecessor + " (" + new String(name, UTF_8) + ")");
                return;
            } catch (KeeperException.NoNodeException gone) {
                // The predecessor left between the two reads: look at the candidates again.
            }
        }
    }

    private synchronized void end() {
        if (ended) {
            return;
        }
        ended = true;
        boolean wasLeading = leading;
        leading = false;
        self.say(wasLeading ? "lost its session: no longer leader" : "lost its session: leaves the election");
        if (wasLeading) {
            listener.ousted();
        }
    }
}
