package dev.glasshouse.console.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.client.ZkClient;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.CreateMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The console's main flow as a user performs it, against one kind of server: connect, expand the
 * tree, open a node, create a child, edit with a conflict, delete recursively, read the audit trail.
 */
abstract class ConsoleFlowContract {
    @TempDir
    Path dir;
    TestServers.Running server;
    ZkClient other;
    ConsoleWindow window;
    Stage stage;
    ConsoleDriver driver;

    abstract TestServers.Running start(Path dataDir) throws Exception;

    /** Whether this run saves the screenshots that README shows. */
    abstract boolean savesScreenshots();

    @BeforeEach
    void startConsole() throws Exception {
        server = start(dir.resolve("server"));
        other = ZkClient.connect(server.connectString(), 10_000);
        other.connected().get(10, TimeUnit.SECONDS);
        seed("/app", "");
        seed("/app/config", "{\"featureFlags\":{\"darkMode\":true,\"beta\":false},\"replicas\":3}");
        seed("/app/workers", "");
        for (int i = 1; i <= 3; i++) {
            seed("/app/workers/worker-" + i, "idle");
        }
        seed("/app/greeting", "Hello from Glasshouse");
        FxToolkit.registerPrimaryStage();
        window = new ConsoleWindow(new ConsoleSettings(dir.resolve("console"), Optional.of(server.connectString()),
                Optional.empty(), false, "tester"));
        stage = FxToolkit.setupStage(shown -> window.show(shown));
        driver = new ConsoleDriver(new FxRobot());
    }

    @AfterEach
    void stopConsole() throws Exception {
        FxToolkit.cleanupStages();
        if (window != null) {
            window.close();
        }
        if (other != null) {
            other.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Timeout(60)
    void connectsAndExpandsTheTree() throws Exception {
        openConfig();
        driver.select("config");
        driver.until("the node panel shows /app/config", () -> driver.text("#node-data").contains("featureFlags"));
        assertThat(driver.text("#node-path")).isEqualTo("/app/config");
        if (savesScreenshots()) {
            driver.screenshot(stage.getScene(), "desktop-node-panel");
        }
    }

    @Test
    @Timeout(60)
    void createsEditsThroughAConflictAndDeletesRecursively() throws Exception {
        openConfig();

        driver.select("app");
        driver.robot().press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        driver.until("the create dialog is open", () -> driver.robot().lookup("#create-name").tryQuery().isPresent());
        driver.robot().clickOn("#create-name").write("fresh");
        driver.robot().clickOn("#create-data").write("new node");
        driver.robot().clickOn("Create");
        driver.untilServer("/app/fresh exists on the server", () -> exists("/app/fresh"));
        driver.waitForRow("fresh");

        driver.select("config");
        driver.until("the node panel shows /app/config", () -> driver.text("#node-data").contains("featureFlags"));
        other.setData("/app/config", "{\"replicas\":4}".getBytes(StandardCharsets.UTF_8), -1).get(10, TimeUnit.SECONDS);
        driver.robot().interact(() -> driver.robot().lookup("#node-data").queryTextInputControl()
                .setText("{\"replicas\":5}"));
        driver.robot().clickOn("#node-data").press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        driver.until("the conflict dialog shows the server's newer value",
                () -> driver.robot().lookup("#conflict-server").tryQuery().isPresent());
        assertThat(driver.text("#conflict-server")).contains("\"replicas\" : 4");
        assertThat(driver.text("#conflict-yours")).isEqualTo("{\"replicas\":5}");
        if (savesScreenshots()) {
            driver.screenshot(driver.robot().lookup("#conflict-dialog").query().getScene(), "desktop-conflict");
        }
        driver.robot().clickOn("Overwrite with mine");
        driver.untilServer("the server holds my value", () -> data("/app/config").equals("{\"replicas\":5}"));

        driver.select("workers");
        driver.robot().type(KeyCode.DELETE);
        driver.until("the delete dialog previews 4 nodes",
                () -> driver.robot().lookup("Delete 4 nodes").tryQuery().isPresent());
        driver.robot().clickOn("Delete 4 nodes");
        driver.untilServer("/app/workers is gone from the server", () -> !exists("/app/workers"));
        driver.waitForNoRow("workers");

        driver.robot().clickOn("Audit trail");
        driver.until("the audit trail lists the three edits", () -> driver.robot().lookup("#audit-table")
                .<TableView<?>>query().getItems().size() == 3);
    }

    private void openConfig() {
        driver.until("the status bar says connected", () -> driver.text("#connection-status").startsWith("Connected"));
        driver.select("app");
        driver.robot().type(KeyCode.RIGHT);
        driver.waitForRow("config");
    }

    private boolean exists(String path) throws Exception {
        return other.exists(path).get(10, TimeUnit.SECONDS).isPresent();
    }

    private String data(String path) throws Exception {
        return new String(other.getData(path).get(10, TimeUnit.SECONDS).data(), StandardCharsets.UTF_8);
    }

    private void seed(String path, String text) throws Exception {
        other.create(path, text.getBytes(StandardCharsets.UTF_8), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)
                .get(10, TimeUnit.SECONDS);
    }
}
