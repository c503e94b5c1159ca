package dev.glasshouse.console.web.view;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static dev.glasshouse.console.web.view.ConsoleUiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;
import dev.glasshouse.console.web.WebConsoleApplication;
import dev.glasshouse.engine.client.ZkClient;
import dev.glasshouse.engine.console.DataFormat;
import dev.glasshouse.engine.console.ZnodeEntry;
import dev.glasshouse.engine.history.AuditEntry;
import dev.glasshouse.engine.history.AuditTrail;
import dev.glasshouse.engine.server.config.ServerConfig;
import dev.glasshouse.engine.server.StandaloneServer;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.CreateMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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

/** The browse view against a real Glasshouse server, without a browser (Karibu-Testing). */
@SpringBootTest(classes = WebConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Timeout(120)
class BrowseViewTest {
    private static Path directory;
    private static StandaloneServer server;

    @Autowired
    private ApplicationContext context;
    @Autowired
    private AuditTrail audit;
    private ZkClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        directory = Files.createTempDirectory("browse-view-test");
        server = StandaloneServer.start(ServerConfig.defaults(directory.resolve("server"), 0).withTickTime(500)
                .withExtendedTypes(true).withClientPortAddress("127.0.0.1"));
        registry.add("glasshouse.web.home", () -> directory.resolve("web").toString());
        registry.add("glasshouse.history.dir", () -> directory.resolve("history").toString());
        registry.add("glasshouse.web.admin-password", () -> "test-admin");
        registry.add("glasshouse.web.connections", () -> "local=127.0.0.1:" + server.clientPort());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        ConsoleUiFixture.setUp(context);
        client = ZkClient.connect("127.0.0.1:" + server.clientPort(), 10_000);
        client.connected().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void tearDown() {
        ConsoleUiFixture.tearDown();
        client.close();
    }

    private void put(String path, String text) throws Exception {
        client.create(path, text.getBytes(StandardCharsets.UTF_8), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)
                .get(10, TimeUnit.SECONDS);
    }

    private String read(String path) throws Exception {
        return new String(client.getData(path).get(10, TimeUnit.SECONDS).data(), StandardCharsets.UTF_8);
    }

    private BrowseView browse(String query) {
        UI.getCurrent().navigate(BrowseView.class, QueryParameters.fromString(query));
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
    void operatorBrowsesEditsAndTheEditIsAudited() throws Exception {
        put("/shop", "");
        put("/shop/config", "{\"currency\":\"EUR\"}");
        ConsoleUiFixture.logInAs("olivia", true);
        BrowseView view = browse("connection=local");

        openRow(view, "shop");
        view.tree.expand(row(view, "shop").orElseThrow());
        openRow(view, "config");
        assertThat(view.node.format.getValue()).isEqualTo(DataFormat.JSON);
        assertThat(view.node.data.getValue()).contains("\"currency\" : \"EUR\"");
        assertThat(view.node.stat.getListDataView().getItems().map(row -> row.name()).toList())
                .contains("czxid", "mzxid", "version", "ephemeralOwner");

        _setValue(view.node.data, "{\"currency\":\"CHF\"}");
        _click(view.node.save);
        await("saved", () -> {
            try {
                return read("/shop/config").equals("{\"currency\":\"CHF\"}");
            } catch (Exception e) {
                return false;
            }
        });
        // The edit is recorded right after the server acknowledged it, on the model's background thread.
        await("audited", () -> {
            try {
                return !audit.recent(10, "/shop/config").isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
        List<AuditEntry> recorded = audit.recent(10, "/shop/config");
        assertThat(recorded.get(0).user()).isEqualTo("olivia");
        assertThat(recorded.get(0).action()).isEqualTo("set");
        assertThat(new String(recorded.get(0).before(), StandardCharsets.UTF_8)).isEqualTo("{\"currency\":\"EUR\"}");
        assertThat(new String(recorded.get(0).after(), StandardCharsets.UTF_8)).isEqualTo("{\"currency\":\"CHF\"}");
    }

    @Test
    void viewerSeesDataButCannotEdit() throws Exception {
        put("/readonly", "look, don't touch");
        ConsoleUiFixture.logInAs("victor", false);
        BrowseView view = browse("connection=local");

        openRow(view, "readonly");
        assertThat(view.node.data.getValue()).isEqualTo("look, don't touch");
        assertThat(view.node.data.isReadOnly()).isTrue();
        assertThat(view.node.save.isVisible()).isFalse();
        assertThat(view.node.delete.isVisible()).isFalse();
        assertThat(view.createAtRoot.isVisible()).isFalse();
        assertThat(view.node.readOnlyNote.getText()).contains("viewer");
    }

    @Test
    void deepLinkOpensTheNodeAndExpandsItsAncestors() throws Exception {
        put("/deep", "");
        put("/deep/er", "");
        put("/deep/er/node", "found me");
        ConsoleUiFixture.logInAs("olivia", true);
        BrowseView view = browse("connection=local&path=/deep/er/node");

        await("node shown", () -> view.node.data.getValue().equals("found me"), view.node.path::getText);
        await("tree expanded to the node", () -> row(view, "node").isPresent());
        assertThat(view.tree.asSingleSelect().getValue().path()).isEqualTo("/deep/er/node");
    }

    @Test
    void conflictingSaveShowsTheServersNewerValueAndCanOverwrite() throws Exception {
        put("/race", "v1");
        ConsoleUiFixture.logInAs("olivia", true);
        BrowseView view = browse("connection=local");
        openRow(view, "race");

        client.setData("/race", "theirs".getBytes(StandardCharsets.UTF_8), -1).get(10, TimeUnit.SECONDS);
        _setValue(view.node.data, "mine");
        _click(view.node.save);
        await("conflict dialog", () -> !com.github.mvysny.kaributesting.v10.LocatorJ
                ._find(ConflictDialog.class).isEmpty());
        ConflictDialog dialog = _get(ConflictDialog.class);
        assertThat(_get(dialog, com.vaadin.flow.component.textfield.TextArea.class,
                spec -> spec.withId("conflict-server-value")).getValue()).isEqualTo("theirs");
        assertThat(read("/race")).isEqualTo("theirs");

        _click(_get(dialog, Button.class, spec -> spec.withText("Overwrite with mine")));
        await("overwritten", () -> {
            try {
                return read("/race").equals("mine");
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void recursiveDeleteConfirmsWithTheCountFirst() throws Exception {
        put("/doomed", "");
        put("/doomed/a", "");
        put("/doomed/a/b", "");
        put("/doomed/c", "");
        ConsoleUiFixture.logInAs("olivia", true);
        BrowseView view = browse("connection=local");
        openRow(view, "doomed");

        _click(view.node.deleteRecursive);
        await("confirmation", () -> !com.github.mvysny.kaributesting.v10.LocatorJ._find(ConfirmDialog.class)
                .isEmpty());
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._getText(confirm)).contains("4 nodes");
        assertThat(client.exists("/doomed").get(10, TimeUnit.SECONDS)).isPresent();

        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(confirm);
        await("deleted", () -> {
            try {
                return client.exists("/doomed").get(10, TimeUnit.SECONDS).isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
        await("tree updated", () -> row(view, "doomed").isEmpty());
    }

    @Test
    void createDialogOffersEveryModeAndCreatesASequentialNode() throws Exception {
        put("/jobs", "");
        ConsoleUiFixture.logInAs("olivia", true);
        BrowseView view = browse("connection=local");
        openRow(view, "jobs");

        _click(view.node.createChild);
        CreateNodeDialog dialog = _get(CreateNodeDialog.class);
        assertThat(dialog.mode.getListDataView().getItems().toList()).containsExactly(CreateMode.values());
        _setValue(dialog.name, "job-");
        _setValue(dialog.mode, CreateMode.PERSISTENT_SEQUENTIAL);
        _setValue(dialog.data, "payload");
        _click(dialog.create);
        await("created", () -> {
            try {
                return client.getChildren("/jobs").get(10, TimeUnit.SECONDS).contains("job-0000000000");
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(read("/jobs/job-0000000000")).isEqualTo("payload");
        await("audited", () -> {
            try {
                return !audit.recent(5, "/jobs/job-").isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(audit.recent(5, "/jobs/job-").get(0).action()).isEqualTo("create");
    }

    @Test
    void zookeeperSubtreeIsProtectedEvenForOperators() {
        ConsoleUiFixture.logInAs("olivia", true);
        BrowseView view = browse("connection=local");
        openRow(view, "zookeeper");

        assertThat(view.node.save.isEnabled()).isFalse();
        assertThat(view.node.delete.isEnabled()).isFalse();
        assertThat(view.node.data.isReadOnly()).isTrue();
        assertThat(view.node.readOnlyNote.getText()).contains("managed by the server");
    }

    @Test
    void liveUpdatesShowNewNodesUnlessPaused() throws Exception {
        ConsoleUiFixture.logInAs("olivia", true);
        BrowseView view = browse("connection=local");
        await("root listed", () -> row(view, "zookeeper").isPresent());

        put("/arrived", "");
        await("new node appears", () -> row(view, "arrived").isPresent());

        _setValue(view.pauseLive, true);
        put("/while-paused", "");
        client.sync("/").get(10, TimeUnit.SECONDS);
        com.github.mvysny.kaributesting.v10.MockVaadin.runUIQueue();
        assertThat(row(view, "while-paused")).isEmpty();
        _setValue(view.pauseLive, false);
        await("shown after resuming", () -> row(view, "while-paused").isPresent());
    }

    @Test
    void filterAndSortAreAppliedByTheModel() throws Exception {
        put("/alpha-filter", "");
        put("/beta-filter", "");
        ConsoleUiFixture.logInAs("olivia", true);
        BrowseView view = browse("connection=local");
        await("listed", () -> row(view, "beta-filter").isPresent());

        _setValue(view.filter, "beta");
        await("filtered", () -> row(view, "alpha-filter").isEmpty());
        assertThat(row(view, "beta-filter")).isPresent();
    }
}
