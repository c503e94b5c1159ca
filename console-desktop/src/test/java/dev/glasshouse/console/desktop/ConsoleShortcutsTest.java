package dev.glasshouse.console.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.client.ZkClient;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.CreateMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Keyboard shortcuts, live updates with pause, filter-as-you-type, protection and the theme switch. */
class ConsoleShortcutsTest {
    @TempDir
    Path dir;
    TestServers.Running server;
    ZkClient other;
    ConsoleWindow window;
    ConsoleDriver driver;

    @BeforeEach
    void startConsole() throws Exception {
        server = TestServers.glasshouse(dir.resolve("server"));
        other = ZkClient.connect(server.connectString(), 10_000);
        other.connected().get(10, TimeUnit.SECONDS);
        create("/app");
        create("/app/config");
        create("/app/greeting");
        FxToolkit.registerPrimaryStage();
        window = new ConsoleWindow(new ConsoleSettings(dir.resolve("console"), Optional.of(server.connectString()),
                Optional.empty(), false, "tester"));
        FxToolkit.setupStage(shown -> window.show(shown));
        driver = new ConsoleDriver(new FxRobot());
        driver.until("the status bar says connected", () -> driver.text("#connection-status").startsWith("Connected"));
        driver.select("app");
        driver.robot().type(KeyCode.RIGHT);
        driver.waitForRow("config");
    }

    @AfterEach
    void stopConsole() throws Exception {
        FxToolkit.cleanupStages();
        window.close();
        other.close();
        server.close();
    }

    @Test
    @Timeout(60)
    void liveUpdatesShowOthersChangesAndPausedOnesWaitForF5() throws Exception {
        create("/app/live");
        driver.waitForRow("live");

        driver.robot().clickOn("#pause-live");
        create("/app/later");
        driver.select("config");
        assertThat(driver.row("later")).isEmpty();
        driver.robot().type(KeyCode.F5);
        driver.waitForRow("later");
    }

    @Test
    @Timeout(60)
    void filterHidesNonMatchingNamesAsYouType() {
        driver.robot().press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        driver.robot().write("gree");
        driver.waitForNoRow("config");
        assertThat(driver.row("greeting")).isPresent();
    }

    @Test
    @Timeout(60)
    void zookeeperNodeIsReadOnlyAndCannotBeDeleted() throws Exception {
        driver.select("zookeeper");
        driver.until("the node panel shows /zookeeper", () -> driver.text("#node-path").equals("/zookeeper"));
        driver.until("save is disabled", () -> driver.robot().lookup("#save").<Button>query().isDisabled());
        driver.robot().type(KeyCode.DELETE);
        driver.until("the status bar explains the refusal",
                () -> driver.text("#status-message").contains("/zookeeper is managed by the server"));
        assertThat(other.exists("/zookeeper").get(10, TimeUnit.SECONDS)).isPresent();
    }

    @Test
    @Timeout(60)
    void darkThemeSwitchesTheStylesheet() {
        driver.robot().clickOn("#dark-theme");
        driver.until("the dark theme is on", () -> Application.getUserAgentStylesheet().contains("dark"));
        driver.robot().clickOn("#dark-theme");
        driver.until("the light theme is back", () -> Application.getUserAgentStylesheet().contains("light"));
    }

    private void create(String path) throws Exception {
        other.create(path, "x".getBytes(StandardCharsets.UTF_8), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)
                .get(10, TimeUnit.SECONDS);
    }
}
