package dev.glasshouse.samples.group;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.glasshouse.samples.Deadline;
import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.Znodes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.ZooDefs.Ids;

/**
 * Group membership: each member is an ephemeral znode named after it, and every member watches the
 * group's children to keep a current view.
 *
 * <pre>
 * /samples/group
 *     alice   (ephemeral)
 *     bob     (ephemeral)
 * </pre>
 *
 * <p>A member that crashes leaves by itself: its session ends and ZooKeeper deletes its znode,
 * which fires every member's child watch. Watches are one-shot, so each notification is followed
 * by a read that registers the next watch; changes that happen in between are not lost, because
 * that read returns the children as they are then. The view can skip an intermediate state, never
 * the final one.
 *
 * <p>The view is refreshed on the handle's event thread and read from any thread.
 */
public final class GroupMembership {
    private final Participant self;
    private final String groupPath;
    private final AtomicInteger wakeUps = new AtomicInteger();
    /** One watcher object: ZooKeeper then calls it once per change even if several reads set it. */
    private final Watcher watcher = this::onEvent;
    private List<String> view = List.of();

    public GroupMembership(Participant self, String groupPath) {
        this.self = self;
        this.groupPath = groupPath;
    }

    /** Joins the group and starts following its members. */
    public void join() throws KeeperException, InterruptedException {
        Znodes.ensurePath(self.zk(), groupPath);
        self.zk().create(groupPath + "/" + self.name(), self.name().getBytes(UTF_8), Ids.OPEN_ACL_UNSAFE,
                CreateMode.EPHEMERAL);
        self.say("joins " + groupPath);
        refresh();
    }

    /** Leaves the group deliberately (a crash does the same through the session's end). */
    public void leave() throws KeeperException, InterruptedException {
        self.zk().delete(groupPath + "/" + self.name(), -1);
        self.say("leaves " + groupPath);
    }

    /** The members this participant saw last, sorted by name. */
    public synchronized List<String> members() {
        return view;
    }

    /** Blocks until the view satisfies {@code condition}; throws when {@code deadline} passes first. */
    public synchronized List<String> awaitMembers(Predicate<List<String>> condition, Deadline deadline)
            throws InterruptedException, TimeoutException {
        while (!condition.test(view)) {
            deadline.check("a group view of " + self.name() + " other than " + view);
            wait(Math.max(1, deadline.remainingMillis()));
        }
        return view;
    }

    /** How many times a change of the group woke this member. */
    public int wakeUps() {
        return wakeUps.get();
    }

    private void onEvent(WatchedEvent event) {
        if (event.getType() == EventType.None) {
            return;
        }
        wakeUps.incrementAndGet();
        try {
            refresh();
        } catch (KeeperException e) {
            self.say("cannot read the group: " + e.code());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void refresh() throws KeeperException, InterruptedException {
        List<String> members = new ArrayList<>(self.zk().getChildren(groupPath, watcher));
        members.sort(null);
        synchronized (this) {
            if (!members.equals(view)) {
                self.say("sees members " + members);
            }
            view = List.copyOf(members);
            notifyAll();
        }
    }
}
