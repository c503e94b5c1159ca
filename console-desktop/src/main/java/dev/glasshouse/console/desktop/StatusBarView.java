package dev.glasshouse.console.desktop;

import dev.glasshouse.engine.console.ConnectionState;
import dev.glasshouse.engine.console.ConnectionStatus;
import dev.glasshouse.engine.console.Outcome;
import dev.glasshouse.engine.console.Problem;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The status bar: the connection state in the model's own words (coloured by health), the session
 * id, the result of the last action or what went wrong, and the dark-theme switch. Confined to the
 * FX thread.
 */
final class StatusBarView {
    private static final List<String> HEALTH = List.of("success", "warning", "danger");

    private final Label connection = new Label();
    private final Label session = new Label();
    private final Label message = new Label();
    private final ToggleButton dark = new ToggleButton("Dark");
    private final HBox bar;

    StatusBarView(Consumer<Boolean> onDarkTheme) {
        connection.setId("connection-status");
        session.setId("session-id");
        message.setId("status-message");
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        dark.setId("dark-theme");
        dark.selectedProperty().addListener((o, old, now) -> onDarkTheme.accept(now));
        bar = new HBox(10, connection, separator(), session, separator(), message, dark);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("status-bar");
    }

    Node node() {
        return bar;
    }

    void showConnection(ConnectionState state) {
        String where = state.profile().map(p -> " to " + p.connectString()).orElse("");
        boolean connected = state.status() == ConnectionStatus.CONNECTED
                || state.status() == ConnectionStatus.READ_ONLY;
        connection.setText(state.status().text() + (connected || state.status() == ConnectionStatus.CONNECTING
                ? where : ""));
        connection.getStyleClass().removeAll(HEALTH);
        connection.getStyleClass().add(health(state.status()));
        session.setText("Session " + state.sessionText());
        state.problem().ifPresent(this::showProblem);
    }

    void showOutcome(Outcome outcome) {
        outcome.done().ifPresent(this::showMessage);
        outcome.problem().ifPresent(this::showProblem);
    }

    void showMessage(String text) {
        message.getStyleClass().remove("danger");
        message.setText(text);
        message.setTooltip(null);
    }

    void showProblem(Problem problem) {
        if (!message.getStyleClass().contains("danger")) {
            message.getStyleClass().add("danger");
        }
        message.setText(problem.summary());
        message.setTooltip(new Tooltip(problem.details()));
    }

    private static String health(ConnectionStatus status) {
        return switch (status) {
            case CONNECTED -> "success";
            case CONNECTING, RECONNECTING, READ_ONLY -> "warning";
            case DISCONNECTED, CLOSED, EXPIRED, AUTH_FAILED -> "danger";
        };
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
