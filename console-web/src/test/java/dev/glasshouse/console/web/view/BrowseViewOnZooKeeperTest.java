package dev.glasshouse.console.web.view;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static dev.glasshouse.console.web.view.ConsoleUiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import dev.glasshouse.console.web.WebConsoleApplication;
import dev.glasshouse.engine.console.DataFormat;
import dev.glasshouse.engine.console.ZnodeEntry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The browse view against Apache ZooKeeper 3.9.4 in process: an operator of a real ZooKeeper
 * ensemble browses, reads JSON and saves an edit; a viewer cannot edit. Written with the official
 * ZooKeeper client, read back with it, so the console is checked from the outside.
 */
@SpringBootTest(classes = WebConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Timeout(120)
class BrowseViewOnZooKeeperTest {
    private static Path directory;
    private static ZooKeeperServer server;
    private static ServerCnxnFactory factory;

    @Autowired
    private ApplicationContext context;
    private ZooKeeper zk;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        directory = Files.createTempDirectory("browse-view-zookeeper-test");
        server = new ZooKeeperServer(directory.resolve("snap").toFile(), directory.resolve("log").toFile(), 500);
        factory = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 100);
        factory.startup(server);
        registry.add("glasshouse.web.home", () -> directory.resolve("web").toString());
        registry.add("glasshouse.history.dir", () -> directory.resolve("history").toString());
        registry.add("glasshouse.web.admin-password", () -> "test-admin");
        registry.add("glasshouse.web.connections", () -> "zookeeper=127.0.0.1:" + factory.getLocalPort());
    }

    @AfterAll
    static void stopServer() {
        factory.shutdown();
        server.shutdown();
    }

    @BeforeEach
    void setUp() throws Exception {
        ConsoleUiFixture.setUp(context);
        zk = new ZooKeeper("127.0.0.1:" + factory.getLocalPort(), 10_000, event -> { });
        await("official client connected", () -> zk.getState().isConnected());
    }

    @AfterEach
    void tearDown() throws Exception {
        ConsoleUiFixture.tearDown();
        zk.close();
    }

    private BrowseView browse() {
        UI.getCurrent().navigate(BrowseView.class, QueryParameters.fromString("connection=zookeeper"));
        BrowseView view = _get(BrowseView.class);
        await("connected", () -> view.status.getText().contains("Connected"), view.status::getText);
        return view;
    }

    private static Optional<ZnodeEntry> row(BrowseView view, String name) {
        return GridKt._fetch(view.tree, 0, GridKt._size(view.tree)).stream()
                .filter(entry -> entry.name().equals(name)).findFirst();
    }

    private static void openRow(BrowseView view, String name) {
        await("row " + name + " shown", () -> row(view, name).isPresent());
        GridKt._select(view.tree, row(view, name).orElseThrow());
        await("node " + name + " loaded", () -> view.node.stat.getListDataView().getItemCount() > 0
                && !view.node.path.getText().contains("loading"));
    }

    @Test
    void operatorBrowsesAndEditsARealZooKeeper() throws Exception {
        zk.create("/zk-app", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.create("/zk-app/settings", "{\"mode\":\"blue\"}".getBytes(StandardCharsets.UTF_8),
                ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        ConsoleUiFixture.logInAs("olivia", true);
        BrowseView view = browse();

        openRow(view, "zk-app");
        view.tree.expand(row(view, "zk-app").orElseThrow());
        openRow(view, "settings");
        assertThat(view.node.format.getValue()).isEqualTo(DataFormat.JSON);
        assertThat(view.node.data.getValue()).contains("\"mode\" : \"blue\"");
        assertThat(view.node.copyPath.isEnabled()).isTrue();

        _setValue(view.node.data, "{\"mode\":\"green\"}");
        _click(view.node.save);
        await("saved on ZooKeeper", () -> {
            try {
                return new String(zk.getData("/zk-app/settings", false, null), StandardCharsets.UTF_8)
                        .equals("{\"mode\":\"green\"}");
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void viewerOfARealZooKeeperCannotEdit() throws Exception {
        zk.create("/zk-readonly", "look".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT);
        ConsoleUiFixture.logInAs("victor", false);
        BrowseView view = browse();

        openRow(view, "zk-readonly");
        assertThat(view.node.data.getValue()).isEqualTo("look");
        assertThat(view.node.save.isVisible()).isFalse();
        assertThat(view.node.delete.isVisible()).isFalse();
    }
}
