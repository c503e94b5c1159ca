package dev.glasshouse.console.desktop;

import dev.glasshouse.engine.server.StandaloneServer;
import dev.glasshouse.engine.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** A lost server is shown as such, and the console recovers once a server is back on the same address. */
class ConnectionLossTest {
    @TempDir
    Path dir;
    StandaloneServer server;
    ConsoleWindow window;

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (window != null) {
            window.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Timeout(60)
    void lostServerIsShownAndTheConsoleReconnectsWhenItReturns() throws Exception {
        server = start(0);
        int port = server.clientPort();
        FxToolkit.registerPrimaryStage();
        window = new ConsoleWindow(new ConsoleSettings(dir.resolve("console"), Optional.of("127.0.0.1:" + port),
                Optional.empty(), false, "tester"));
        FxToolkit.setupStage(shown -> window.show(shown));
        ConsoleDriver driver = new ConsoleDriver(new FxRobot());
        driver.until("the status bar says connected", () -> driver.text("#connection-status").startsWith("Connected"));

        server.close();
        driver.until("the status bar says the connection is lost",
                () -> driver.text("#connection-status").startsWith("Connection lost, reconnecting"));

        // The restarted in-memory server does not know the old session: the console must say it expired.
        server = start(port);
        driver.until("the status bar says the session expired or connected again", () -> {
            String status = driver.text("#connection-status");
            return status.startsWith("Session expired") || status.startsWith("Connected");
        });
        if (driver.text("#connection-status").startsWith("Session expired")) {
            driver.robot().clickOn("#connect");
        }
        driver.until("the console is connected again", () -> driver.text("#connection-status").startsWith("Connected"));
        driver.waitForRow("zookeeper");
    }

    private StandaloneServer start(int port) {
        return StandaloneServer.start(ServerConfig.defaults(dir.resolve("server"), port).withTickTime(500)
                .withClientPortAddress("127.0.0.1"));
    }
}
