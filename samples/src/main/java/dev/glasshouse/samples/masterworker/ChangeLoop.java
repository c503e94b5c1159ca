package dev.glasshouse.samples.masterworker;

import dev.glasshouse.samples.Participant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.Event.KeeperState;

/**
 * A participant's own thread that runs one step whenever a watch reports a change. Watch events
 * only release a permit: the step itself, with its blocking reads and writes, runs on this thread,
 * never on the ZooKeeper event thread. Changes that arrive during a step are merged into one rerun.
 * A step that fails (connection loss) is retried on the next tick. The thread ends on
 * {@link #stop()}, {@link #close()}, or when the session ends, so every loop stops by itself.
 */
final class ChangeLoop implements AutoCloseable {
    private static final long RETRY_MILLIS = 200;

    /** The work of one round; reads with {@link #watcher()} to be woken by the next change. */
    @FunctionalInterface
    interface Step {
        void run() throws KeeperException, InterruptedException;
    }

    private final Participant self;
    private final Step step;
    private final Thread thread;
    private final Semaphore changes = new Semaphore(0);
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final Watcher watcher = this::onEvent;
    private volatile boolean running = true;

    ChangeLoop(Participant self, String role, Step step) {
        this.self = self;
        this.step = step;
        this.thread = new Thread(this::run, role + "-" + self.name());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Asks for one more round. */
    void signal() {
        changes.release();
    }

    /** Ends the loop after the current round. */
    void stop() {
        running = false;
        changes.release();
    }

    /** The watcher to read with; one object, so ZooKeeper calls it once per change. */
    Watcher watcher() {
        return watcher;
    }

    int wakeUps() {
        return wakeUps.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        if (Thread.currentThread() != thread) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private void onEvent(WatchedEvent event) {
        if (event.getType() != EventType.None) {
            wakeUps.incrementAndGet();
            signal();
        } else if (event.getState() == KeeperState.SyncConnected) {
            signal();   // reconnected: the watches are back, but a change may have been missed
        } else if (event.getState() == KeeperState.Expired || event.getState() == KeeperState.Closed) {
            stop();
        }
    }

    private void run() {
        boolean retry = false;
        while (running && self.zk().getState().isAlive()) {
            try {
                if (changes.tryAcquire(RETRY_MILLIS, TimeUnit.MILLISECONDS) || retry) {
                    changes.drainPermits();
                    retry = false;
                    if (running) {
                        step.run();
                    }
                }
            } catch (KeeperException e) {
                retry = true;
                if (self.zk().getState().isAlive()) {
                    self.say("could not finish a round (" + e.code() + "); retries");
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
