package dev.glasshouse.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.client.ZkClient;
import dev.glasshouse.engine.testing.ZooKeeperServers;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.CreateMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
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

/** The tree model against a real server: what both consoles will show. Runs against each server. */
@Timeout(60)
abstract class ZnodeTreeModelContract {
    @TempDir
    Path dir;

    private ZooKeeperServers.Running server;
    private ZkClient client;
    private ExecutorService background;
    private ExecutorService ui;
    private ZnodeTreeModel model;
    private final BlockingQueue<ZnodeTreeState> states = new LinkedBlockingQueue<>();

    abstract ZooKeeperServers.Running start(Path dataDir) throws Exception;

    @BeforeEach
    void connect() throws Exception {
        server = start(dir);
        client = ZkClient.connect(server.connectString(), 10_000);
        client.connected().get(10, TimeUnit.SECONDS);
        background = Executors.newSingleThreadExecutor();
        ui = Executors.newSingleThreadExecutor();
        model = new ZnodeTreeModel(new ConsoleContext(client, server.connectString(), background, ui, "tester"));
        ui.submit(() -> model.subscribe(states::add)).get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void disconnect() {
        ui.shutdownNow();
        background.shutdownNow();
        client.close();
        server.close();
    }

    private void onUi(Runnable command) throws Exception {
        ui.submit(command).get(5, TimeUnit.SECONDS);
    }

    private ZnodeTreeState awaitState(Predicate<ZnodeTreeState> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            ZnodeTreeState next = states.poll(100, TimeUnit.MILLISECONDS);
            if (next != null && condition.test(next)) {
                return next;
            }
        }
        throw new AssertionError("no state matched within 10 s; last: " + model.state());
    }

    private void create(String path, String data, CreateMode mode) throws Exception {
        client.create(path, data.getBytes(StandardCharsets.UTF_8), Acl.OPEN_ACL_UNSAFE, mode).get(5, TimeUnit.SECONDS);
    }

    @Test
    void expandingListsChildrenWithCountsSizesAndKinds() throws Exception {
        create("/app", "", CreateMode.PERSISTENT);
        create("/app/config", "{\"a\":1}", CreateMode.PERSISTENT);
        create("/app/config/x", "", CreateMode.PERSISTENT);
        create("/app/lock-", "", CreateMode.EPHEMERAL_SEQUENTIAL);

        onUi(() -> model.expand("/app"));
        ZnodeTreeState shown = awaitState(state -> state.isExpanded("/app") && state.loading().isEmpty());

        assertThat(shown.childrenOf("/app")).extracting(ZnodeEntry::name)
                .containsExactly("config", "lock-0000000001");
        ZnodeEntry config = shown.childrenOf("/app").get(0);
        assertThat(config.numChildren()).isEqualTo(1);
        assertThat(config.dataLength()).isEqualTo(7);
        assertThat(config.ephemeral()).isFalse();
        ZnodeEntry lock = shown.childrenOf("/app").get(1);
        assertThat(lock.ephemeral()).isTrue();
        assertThat(lock.sequential()).isTrue();
    }

    @Test
    void filterAndSortApplyWithoutReloading() throws Exception {
        create("/s", "", CreateMode.PERSISTENT);
        create("/s/alpha", "1", CreateMode.PERSISTENT);
        create("/s/beta", "333", CreateMode.PERSISTENT);
        create("/s/alphabet", "22", CreateMode.PERSISTENT);
        onUi(() -> model.expand("/s"));
        awaitState(state -> state.childrenOf("/s").size() == 3);

        onUi(() -> model.filter("ALPHA"));
        assertThat(model.state().childrenOf("/s")).extracting(ZnodeEntry::name).containsExactly("alpha", "alphabet");
        onUi(() -> {
            model.filter("");
            model.sortBy(ZnodeSort.SIZE);
        });
        assertThat(model.state().childrenOf("/s")).extracting(ZnodeEntry::name)
                .containsExactly("beta", "alphabet", "alpha");
    }

    @Test
    void filterKeepsTheAncestorsOfDeeperMatchesVisible() throws Exception {
        create("/f", "", CreateMode.PERSISTENT);
        create("/f/deep", "", CreateMode.PERSISTENT);
        create("/f/deep/needle", "", CreateMode.PERSISTENT);
        create("/f/other", "", CreateMode.PERSISTENT);
        onUi(() -> {
            model.expand("/");
            model.expand("/f");
            model.expand("/f/deep");
        });
        awaitState(state -> state.childrenOf("/f/deep").size() == 1 && state.loading().isEmpty());

        onUi(() -> model.filter("needle"));

        assertThat(model.state().childrenOf("/")).extracting(ZnodeEntry::name).containsExactly("f");
        assertThat(model.state().childrenOf("/f")).extracting(ZnodeEntry::name).containsExactly("deep");
        assertThat(model.state().childrenOf("/f/deep")).extracting(ZnodeEntry::name).containsExactly("needle");
    }

    @Test
    void liveUpdatesReloadExpandedLevelsUnlessPaused() throws Exception {
        create("/live", "", CreateMode.PERSISTENT);
        onUi(() -> {
            model.expand("/live");
            model.followChanges();
        });
        awaitState(state -> state.isExpanded("/live") && state.loading().isEmpty());

        create("/live/new", "", CreateMode.PERSISTENT);
        awaitState(state -> state.childrenOf("/live").size() == 1);

        onUi(() -> model.pauseLiveUpdates(true));
        create("/live/while-paused", "", CreateMode.PERSISTENT);
        client.sync("/live").get(5, TimeUnit.SECONDS);
        onUi(() -> { });
        assertThat(model.state().childrenOf("/live")).hasSize(1);

        onUi(() -> model.pauseLiveUpdates(false));
        awaitState(state -> state.childrenOf("/live").size() == 2);
    }

    @Test
    void listingAMissingNodeShowsAProblemNotAStackTrace() throws Exception {
        onUi(() -> model.expand("/nope"));

        ZnodeTreeState failed = awaitState(state -> state.problem().isPresent());

        assertThat(failed.problem().get().summary()).isEqualTo(
                "Listing /nope failed: the node does not exist (any more). Refresh the tree.");
        assertThat(failed.isExpanded("/nope")).isFalse();
    }
}
