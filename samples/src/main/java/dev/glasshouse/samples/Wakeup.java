package dev.glasshouse.samples;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.Event.KeeperState;

/**
 * A one-shot watch a participant blocks on: registered with one read (exists, getData,
 * getChildren), it releases the waiting thread when the server reports a change of that znode.
 *
 * <p>ZooKeeper also hands every registered watcher the session's state changes (events of type
 * {@code None}). Those are not wake-ups by a change: only node events are counted in
 * {@code wakeUps}, which is how the tests prove that nobody is woken by a change that does not
 * concern it. A session that expires or is closed also releases the waiter, so it notices at once.
 *
 * <p>{@link #process} runs on the handle's event thread; {@link #await} on the participant's thread.
 */
public final class Wakeup implements Watcher {
    private final CountDownLatch fired = new CountDownLatch(1);
    private final AtomicInteger wakeUps;

    public Wakeup(AtomicInteger wakeUps) {
        this.wakeUps = wakeUps;
    }

    @Override
    public void process(WatchedEvent event) {
        if (event.getType() != EventType.None) {
            wakeUps.incrementAndGet();
            fired.countDown();
        } else if (event.getState() == KeeperState.Expired || event.getState() == KeeperState.Closed) {
            fired.countDown();
        }
    }

    /** Blocks until the watch fires or the session ends; throws once {@code deadline} passes. */
    public void await(Deadline deadline, String what) throws InterruptedException, TimeoutException {
        if (!fired.await(deadline.remainingMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("Gave up waiting for " + what);
        }
    }
}
