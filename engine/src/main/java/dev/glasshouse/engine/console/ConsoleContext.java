package dev.glasshouse.engine.console;

import dev.glasshouse.engine.client.ZkClient;
import java.util.concurrent.Executor;

/**
 * What every console model needs: the connected client, an executor for blocking work, the UI
 * executor ({@code Platform::runLater} in JavaFX, {@code ui.access} in Vaadin), the user name and
 * the connection's display name recorded with edits.
 */
public record ConsoleContext(ZkClient client, String connection, Executor background, Executor ui, String user) {
}
