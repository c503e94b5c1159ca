package dev.glasshouse.console.desktop;

import dev.glasshouse.engine.console.ConnectionProfile;
import dev.glasshouse.engine.console.ConnectionState;
import dev.glasshouse.engine.console.ConnectionStatus;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The connection bar: a profile's connect string (hosts and optional chroot, with the ones used
 * before to pick from), optional digest credentials, Connect / Disconnect, and "Start a local demo
 * ensemble". It builds the {@link ConnectionProfile} the user asked for and forwards it; the
 * connection model decides everything else. Confined to the FX thread.
 */
final class ConnectionView {
    private final ComboBox<String> connectString = new ComboBox<>();
    private final PasswordField digest = new PasswordField();
    private final Button connect = new Button("Connect");
    private final Button disconnect = new Button("Disconnect");
    private final Button demo = new Button("Start a local demo ensemble");
    private final HBox bar;

    ConnectionView(Consumer<ConnectionProfile> onConnect, Runnable onDisconnect, Runnable onDemo) {
        connectString.setId("connect-string");
        connectString.setEditable(true);
        connectString.setPromptText("host:port[,host:port...][/chroot]");
        connectString.setPrefWidth(320);
        digest.setId("digest");
        digest.setPromptText("digest user:password (optional)");
        connect.setId("connect");
        connect.getStyleClass().add("accent");
        connect.setDefaultButton(true);
        connect.setOnAction(event -> profile().ifPresent(onConnect));
        disconnect.setId("disconnect");
        disconnect.setOnAction(event -> onDisconnect.run());
        demo.setId("start-demo");
        demo.setOnAction(event -> onDemo.run());
        HBox.setHgrow(connectString, Priority.ALWAYS);
        bar = new HBox(8, new Label("Ensemble"), connectString, digest, connect, disconnect, demo);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
    }

    Node node() {
        return bar;
    }

    /** Puts a connect string in the field (from the command line or the demo ensemble). */
    void fill(String text, Optional<String> credentials) {
        connectString.getEditor().setText(text);
        connectString.setValue(text);
        credentials.ifPresent(digest::setText);
    }

    void showConnection(ConnectionState state) {
        boolean idle = state.status() == ConnectionStatus.DISCONNECTED || state.status() == ConnectionStatus.CLOSED;
        disconnect.setDisable(idle);
        connect.setText(state.status() == ConnectionStatus.EXPIRED ? "Reconnect" : "Connect");
    }

    void demoStarting(boolean starting) {
        demo.setDisable(starting);
        demo.setText(starting ? "Starting demo ensemble…" : "Start a local demo ensemble");
    }

    private Optional<ConnectionProfile> profile() {
        String text = connectString.getEditor().getText().strip();
        if (text.isEmpty()) {
            connectString.requestFocus();
            return Optional.empty();
        }
        if (!connectString.getItems().contains(text)) {
            connectString.getItems().add(0, text);
        }
        ConnectionProfile profile = ConnectionProfile.of(text, text);
        String credentials = digest.getText().strip();
        return Optional.of(credentials.isEmpty() ? profile : profile.withDigest(credentials));
    }
}
