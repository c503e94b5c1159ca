package dev.glasshouse.engine.client;

import static dev.glasshouse.engine.client.Await.result;
import static dev.glasshouse.engine.client.Await.zkFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.AddWatchMode;
import dev.glasshouse.engine.wire.CreateMode;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.EventType;
import dev.glasshouse.engine.wire.KeeperState;
import dev.glasshouse.engine.wire.WatcherType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watches through {@link ZkClient}: one-shot, persistent and recursive watches, their order
 * relative to replies, and their removal, checked against any ZooKeeper-compatible server. Each
 * subclass names the server; the reference server is the specification and Glasshouse must behave
 * the same. One server per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
abstract class ClientWatchContract {
    private static final List<Acl> OPEN = Acl.OPEN_ACL_UNSAFE;
    private static final byte[] EMPTY = new byte[0];

    private ZooKeeperEndpoint server;
    private ZkClient client;
    private ZkClient writer;
    private String root;

    /** Starts the server under test, with its data in the directory. */
    abstract ZooKeeperEndpoint startEndpoint(Path dataDir);

    @BeforeAll
    void startServer(@TempDir Path dataDir) {
        server = startEndpoint(dataDir);
        client = ZkClient.connect(server.connectString(), 10_000);
        writer = ZkClient.connect(server.connectString(), 10_000);
        result(client.connected());
    }

    @AfterAll
    void stopServer() {
        client.close();
        writer.close();
        server.close();
    }

    @BeforeEach
    void createRoot(TestInfo test) {
        root = "/" + test.getTestMethod().orElseThrow().getName();
        result(client.create(root, EMPTY, OPEN, CreateMode.PERSISTENT));
    }

    @Test
    void dataWatchFiresOnceOnChange() {
        EventLog events = new EventLog();
        result(client.getData(root, events));

        result(writer.setData(root, new byte[] {1}, -1));
        result(writer.setData(root, new byte[] {2}, -1));

        WatchEvent event = events.next(EventType.NODE_DATA_CHANGED, root);
        assertThat(event.state()).isEqualTo(KeeperState.SYNC_CONNECTED);
        result(client.sync(root));
        assertThat(events.pending()).isEmpty();
    }

    @Test
    void existsWatchOnMissingNodeFiresOnCreateAndThenOnDelete() {
        EventLog events = new EventLog();
        assertThat(result(client.exists(root + "/n", events))).isEmpty();

        result(writer.create(root + "/n", EMPTY, OPEN, CreateMode.PERSISTENT));
        events.next(EventType.NODE_CREATED, root + "/n");
        assertThat(result(client.exists(root + "/n", events))).isPresent();
        result(writer.delete(root + "/n", -1));
        events.next(EventType.NODE_DELETED, root + "/n");
    }

    @Test
    void childWatchFiresOnChildListChange() {
        EventLog events = new EventLog();
        assertThat(result(client.getChildren2(root, events)).children()).isEmpty();

        result(writer.create(root + "/c", EMPTY, OPEN, CreateMode.PERSISTENT));

        events.next(EventType.NODE_CHILDREN_CHANGED, root);
    }

    @Test
    void deletingAWatchedNodeFiresNodeDeletedToItsChildWatchAndItsParentsChildWatch() {
        result(writer.create(root + "/n", EMPTY, OPEN, CreateMode.PERSISTENT));
        EventLog node = new EventLog();
        EventLog parent = new EventLog();
        result(client.getChildren(root + "/n", node));
        result(client.getChildren(root, parent));

        result(writer.delete(root + "/n", -1));

        node.next(EventType.NODE_DELETED, root + "/n");
        parent.next(EventType.NODE_CHILDREN_CHANGED, root);
    }

    @Test
    void changingAnAclFiresNoWatch() {
        EventLog events = new EventLog();
        result(client.getData(root, events));

        result(writer.setAcl(root, OPEN, -1));
        result(writer.setData(root, new byte[] {1}, -1));

        events.next(EventType.NODE_DATA_CHANGED, root);
        result(client.sync(root));
        assertThat(events.pending()).isEmpty();
    }

    @Test
    void notificationReachesTheWatcherBeforeTheReplyOfTheWriteThatCausedIt() {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        result(client.getData(root, event -> order.add("event " + event.type())));
        result(client.getChildren(root, event -> order.add("event " + event.type())));

        var written = client.setData(root, new byte[] {1}, -1).thenRun(() -> order.add("reply setData"));
        result(written);
        var created = client.create(root + "/c", EMPTY, OPEN, CreateMode.PERSISTENT)
                .thenRun(() -> order.add("reply create"));
        result(created);

        assertThat(order).containsExactly("event NODE_DATA_CHANGED", "reply setData",
                "event NODE_CHILDREN_CHANGED", "reply create");
    }

    @Test
    void persistentWatchStaysAndHearsChildListChanges() {
        EventLog events = new EventLog();
        result(client.addWatch(root, events, AddWatchMode.PERSISTENT));

        result(writer.setData(root, new byte[] {1}, -1));
        result(writer.setData(root, new byte[] {2}, -1));
        result(writer.create(root + "/c", EMPTY, OPEN, CreateMode.PERSISTENT));
        result(writer.setData(root + "/c", new byte[] {1}, -1));

        events.next(EventType.NODE_DATA_CHANGED, root);
        events.next(EventType.NODE_DATA_CHANGED, root);
        events.next(EventType.NODE_CHILDREN_CHANGED, root);
        result(client.sync(root));
        assertThat(events.pending()).isEmpty();
    }

    @Test
    void recursiveWatchHearsDescendantsButNotChildListChanges() {
        EventLog events = new EventLog();
        result(client.addWatch(root, events, AddWatchMode.PERSISTENT_RECURSIVE));

        result(writer.create(root + "/a", EMPTY, OPEN, CreateMode.PERSISTENT));
        result(writer.create(root + "/a/b", EMPTY, OPEN, CreateMode.PERSISTENT));
        result(writer.setData(root + "/a/b", new byte[] {1}, -1));
        result(writer.delete(root + "/a/b", -1));

        events.next(EventType.NODE_CREATED, root + "/a");
        events.next(EventType.NODE_CREATED, root + "/a/b");
        events.next(EventType.NODE_DATA_CHANGED, root + "/a/b");
        events.next(EventType.NODE_DELETED, root + "/a/b");
        result(client.sync(root));
        assertThat(events.pending()).isEmpty();
    }

    @Test
    void removingAWatcherSynthesisesItsRemovalEventAndSilencesIt() {
        EventLog data = new EventLog();
        EventLog children = new EventLog();
        result(client.getData(root, data));
        result(client.getChildren(root, children));

        result(client.removeWatches(root, data, WatcherType.DATA));
        data.next(EventType.DATA_WATCH_REMOVED, root);
        result(client.removeAllWatches(root, WatcherType.CHILDREN));
        children.next(EventType.CHILD_WATCH_REMOVED, root);

        result(writer.setData(root, new byte[] {1}, -1));
        result(writer.create(root + "/c", EMPTY, OPEN, CreateMode.PERSISTENT));
        result(client.sync(root));
        assertThat(data.pending()).isEmpty();
        assertThat(children.pending()).isEmpty();
    }

    @Test
    void removingPersistentWatchesSynthesisesPersistentWatchRemoved() {
        EventLog events = new EventLog();
        result(client.addWatch(root, events, AddWatchMode.PERSISTENT_RECURSIVE));

        result(client.removeWatches(root, events, WatcherType.ANY));

        events.next(EventType.PERSISTENT_WATCH_REMOVED, root);
    }

    @Test
    void removingAWatchThatWasNeverSetFailsWithNoWatcher() {
        zkFailure(client.removeWatches(root, new EventLog(), WatcherType.DATA), ErrorCode.NO_WATCHER);
        zkFailure(client.removeAllWatches(root, WatcherType.ANY), ErrorCode.NO_WATCHER);
    }
}
