package dev.glasshouse.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.client.ZkClient;
import dev.glasshouse.engine.testing.ZooKeeperServers;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.CreateMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Viewing and editing nodes through the console models, against each server. */
@Timeout(60)
abstract class NodeEditingContract {
    @TempDir
    Path dir;

    private ZooKeeperServers.Running server;
    private ZkClient client;
    private ZkClient other;
    private ExecutorService background;
    private ExecutorService ui;
    private NodeModel node;
    private ZnodeEditor editor;
    private final List<AuditSink.Edit> edits = new CopyOnWriteArrayList<>();
    private final BlockingQueue<NodeView> views = new LinkedBlockingQueue<>();

    abstract ZooKeeperServers.Running start(Path dataDir) throws Exception;

    @BeforeEach
    void connect() throws Exception {
        server = start(dir);
        client = ZkClient.connect(server.connectString(), 10_000);
        other = ZkClient.connect(server.connectString(), 10_000);
        client.connected().get(10, TimeUnit.SECONDS);
        other.connected().get(10, TimeUnit.SECONDS);
        background = Executors.newSingleThreadExecutor();
        ui = Executors.newSingleThreadExecutor();
        ConsoleContext context = new ConsoleContext(client, server.connectString(), background, ui, "teacher");
        node = new NodeModel(context, edits::add, ZoneOffset.UTC);
        editor = new ZnodeEditor(context, edits::add);
        ui.submit(() -> node.subscribe(views::add)).get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void disconnect() {
        ui.shutdownNow();
        background.shutdownNow();
        other.close();
        client.close();
        server.close();
    }

    private void onUi(Runnable command) throws Exception {
        ui.submit(command).get(5, TimeUnit.SECONDS);
    }

    private NodeView await(Predicate<NodeView> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            NodeView next = views.poll(100, TimeUnit.MILLISECONDS);
            if (next != null && condition.test(next)) {
                return next;
            }
        }
        throw new AssertionError("no view matched within 10 s; last: " + node.view());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void opensJsonDetectedAndPrettyPrintedWithStatAndAcl() throws Exception {
        client.create("/cfg", utf8("{\"port\":2181}"), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT).get();

        onUi(() -> node.open("/cfg"));
        NodeView view = await(v -> v.path().equals("/cfg") && !v.loading());

        assertThat(view.format()).isEqualTo(DataFormat.JSON);
        assertThat(view.rendered().text()).contains("\"port\" : 2181");
        assertThat(view.statRows()).extracting(StatRow::name).contains("czxid", "ephemeralOwner");
        assertThat(view.acl()).isEqualTo(Acl.OPEN_ACL_UNSAFE);
        assertThat(view.editable()).isTrue();
        onUi(() -> node.showAs(DataFormat.HEX));
        assertThat(node.view().rendered().text()).startsWith("00000000  7b 22 70 6f 72 74");
    }

    @Test
    void saveIsACompareAndSetAndALostRaceShowsTheServersValue() throws Exception {
        client.create("/doc", utf8("v1"), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT).get();
        onUi(() -> node.open("/doc"));
        await(v -> v.path().equals("/doc") && v.stat().isPresent());

        other.setData("/doc", utf8("theirs"), 0).get();
        onUi(() -> node.save("mine"));
        NodeView conflicted = await(v -> v.conflict().isPresent());

        assertThat(conflicted.conflict().get().yourText()).isEqualTo("mine");
        assertThat(conflicted.conflict().get().serverValue().text()).isEqualTo("theirs");
        onUi(node::overwrite);
        NodeView saved = await(v -> v.conflict().isEmpty() && v.stat().map(s -> s.version() == 2).orElse(false));
        assertThat(saved.rendered().text()).isEqualTo("mine");
        assertThat(edits).extracting(AuditSink.Edit::action, AuditSink.Edit::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("set", "/doc"));
        assertThat(new String(edits.get(0).after(), StandardCharsets.UTF_8)).isEqualTo("mine");
    }

    @Test
    void invalidJsonIsNotSentAndTheServerNodeIsProtected() throws Exception {
        client.create("/j", utf8("{}"), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT).get();
        onUi(() -> node.open("/j"));
        await(v -> v.path().equals("/j") && v.stat().isPresent());

        onUi(() -> node.save("{broken"));
        assertThat(node.view().problem()).hasValueSatisfying(p -> assertThat(p.summary()).contains("not valid JSON"));
        assertThat(client.getData("/j").get().data()).isEqualTo(utf8("{}"));

        onUi(() -> node.open("/zookeeper/config"));
        NodeView system = await(v -> v.path().equals("/zookeeper/config") && !v.loading());
        assertThat(system.editable()).isFalse();
    }

    @Test
    void createsInEveryModeAndDeletesRecursivelyAfterCounting() throws Exception {
        client.create("/t", new byte[0], Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT).get();
        assertThat(editor.create("/t", "p", CreateMode.PERSISTENT, utf8("x"), 0).get().done())
                .contains("Created /t/p");
        assertThat(editor.create("/t", "s-", CreateMode.PERSISTENT_SEQUENTIAL, new byte[0], 0).get().done())
                .contains("Created /t/s-0000000001");
        assertThat(editor.create("/t", "e", CreateMode.EPHEMERAL, new byte[0], 0).get().succeeded()).isTrue();
        assertThat(editor.create("/t", "c", CreateMode.CONTAINER, new byte[0], 0).get().succeeded()).isTrue();
        assertThat(editor.create("/t", "ttl", CreateMode.PERSISTENT_WITH_TTL, new byte[0], 60_000).get()
                .succeeded()).isTrue();
        client.create("/t/p/deep", new byte[0], Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT).get();

        assertThat(editor.countForDelete("/t").get()).isEqualTo(7);
        assertThat(editor.delete("/t", false).get().problem()).hasValueSatisfying(p ->
                assertThat(p.summary()).contains("has children"));
        assertThat(editor.delete("/t", true).get().done()).contains("Deleted /t and 6 nodes below it");
        assertThat(client.exists("/t").get()).isEmpty();
        assertThat(editor.delete("/zookeeper", true).get().problem()).hasValueSatisfying(p ->
                assertThat(p.summary()).contains("protected"));
        assertThat(edits).extracting(AuditSink.Edit::action).containsExactly("create", "create", "create", "create",
                "create", "delete-recursive");
    }
}
