package dev.glasshouse.console.desktop;

import dev.glasshouse.engine.wire.CreateMode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Asks for a new child of a znode: its name, the create mode (persistent, ephemeral, sequential,
 * container, TTL), the TTL in seconds for the TTL modes and the initial data. Confined to the FX thread.
 */
final class CreateNodeDialog {
    static final ButtonType CREATE = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);

    /** What the user asked to create. */
    record Request(String name, CreateMode mode, byte[] data, long ttlMillis) {
    }

    private CreateNodeDialog() {
    }

    static Optional<Request> ask(Window owner, String parent) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("New znode");
        dialog.setHeaderText("Create a child of " + parent);
        dialog.getDialogPane().setId("create-dialog");
        dialog.getDialogPane().getButtonTypes().setAll(CREATE, ButtonType.CANCEL);
        TextField name = new TextField();
        name.setId("create-name");
        name.setPromptText("name (no slashes)");
        ChoiceBox<CreateMode> mode = new ChoiceBox<>();
        mode.setId("create-mode");
        mode.getItems().setAll(CreateMode.values());
        mode.setValue(CreateMode.PERSISTENT);
        Spinner<Integer> ttlSeconds = new Spinner<>(1, 365 * 24 * 3600, 60);
        ttlSeconds.setId("create-ttl");
        ttlSeconds.setEditable(true);
        ttlSeconds.disableProperty().bind(mode.valueProperty().map(m -> !m.isTtl()));
        TextArea data = new TextArea();
        data.setId("create-data");
        data.setPromptText("data (UTF-8 text, optional)");
        data.setPrefRowCount(5);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Mode"), mode);
        form.addRow(2, new Label("TTL (seconds)"), ttlSeconds);
        form.addRow(3, new Label("Data"), data);
        dialog.getDialogPane().setContent(form);
        dialog.setOnShown(event -> name.requestFocus());
        return dialog.showAndWait().filter(CREATE::equals).map(button -> new Request(name.getText().strip(),
                mode.getValue(), data.getText().getBytes(StandardCharsets.UTF_8), ttlSeconds.getValue() * 1000L));
    }
}
