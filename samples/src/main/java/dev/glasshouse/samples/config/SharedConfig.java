package dev.glasshouse.samples.config;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.glasshouse.samples.Deadline;
import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.Znodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.data.Stat;

/**
 * Configuration management: one znode holds the configuration, every process reads it with a data
 * watch, and an operator's {@code setData} reaches all of them live.
 *
 * <pre>
 * /samples/config/app   "pool.size=8"   (data version 3)
 * </pre>
 *
 * <p>A watch fires once; the follower then reads the data again, which registers the next watch.
 * Several quick updates may arrive as one notification, but the read returns the newest value, so
 * a follower may skip versions, never end on an old one. Versions only grow, so a follower never
 * goes back. A process that starts (or restarts after a crash) simply reads the current value.
 *
 * <p>The current value is refreshed on the handle's event thread and read from any thread.
 */
public final class SharedConfig {
    private final Participant self;
    private final String configPath;
    private final AtomicInteger wakeUps = new AtomicInteger();
    /** One watcher object: ZooKeeper then calls it once per change even if several reads set it. */
    private final Watcher watcher = this::onEvent;
    private final List<Integer> versionsSeen = new ArrayList<>();
    private Optional<ConfigValue> current = Optional.empty();

    public SharedConfig(Participant self, String configPath) {
        this.self = self;
        this.configPath = configPath;
    }

    /** Writes a new configuration for every follower; creates the znode on first use. */
    public void publish(String text) throws KeeperException, InterruptedException {
        byte[] data = text.getBytes(UTF_8);
        try {
            Stat stat = self.zk().setData(configPath, data, -1);
            self.say("publishes \"" + text + "\" as version " + stat.getVersion());
        } catch (KeeperException.NoNodeException first) {
            Znodes.ensurePath(self.zk(), configPath.substring(0, configPath.lastIndexOf('/')));
            self.zk().create(configPath, data, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            self.say("publishes \"" + text + "\" as version 0");
        }
    }

    /** Starts following the configuration: reads it now and again after every change. */
    public void follow() throws KeeperException, InterruptedException {
        refresh();
    }

    /** The configuration this process uses now; empty until one is published. */
    public synchronized Optional<ConfigValue> current() {
        return current;
    }

    /** The data versions this process has applied, in order. */
    public synchronized List<Integer> versionsSeen() {
        return List.copyOf(versionsSeen);
    }

    /** Blocks until this process uses version {@code version} or newer. */
    public synchronized ConfigValue awaitVersion(int version, Deadline deadline)
            throws InterruptedException, TimeoutException {
        while (current.isEmpty() || current.get().version() < version) {
            deadline.check("version " + version + " of " + configPath + " at " + self.name());
            wait(Math.max(1, deadline.remainingMillis()));
        }
        return current.get();
    }

    /** How many times a change of the configuration woke this process. */
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
            self.say("cannot read the configuration: " + e.code());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void refresh() throws KeeperException, InterruptedException {
        Stat stat = new Stat();
        byte[] data;
        try {
            data = self.zk().getData(configPath, watcher, stat);
        } catch (KeeperException.NoNodeException notYet) {
            // Not published yet: an exists watch fires when it is created. Re-check in case it was
            // created between the two reads, since then the exists watch would wait for nothing.
            if (self.zk().exists(configPath, watcher) != null) {
                refresh();
            }
            return;
        }
        apply(new ConfigValue(new String(data, UTF_8), stat.getVersion()));
    }

    private synchronized void apply(ConfigValue value) {
        if (current.isPresent() && current.get().version() >= value.version()) {
            return;
        }
        current = Optional.of(value);
        versionsSeen.add(value.version());
        self.say("applies \"" + value.text() + "\" (version " + value.version() + ")");
        notifyAll();
    }
}
