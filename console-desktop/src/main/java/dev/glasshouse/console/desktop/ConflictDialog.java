package dev.glasshouse.console.desktop;

import dev.glasshouse.engine.console.Conflict;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * The dialog shown when a save lost a race: the server's newer value next to the user's text, with
 * "Overwrite with mine" and "Keep the server's value". Non-blocking: the choice arrives through a
 * callback, so the model's listener that opens it returns at once. Confined to the FX thread.
 */
final class ConflictDialog {
    static final ButtonType OVERWRITE = new ButtonType("Overwrite with mine", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType KEEP_SERVER = new ButtonType("Keep the server's value", ButtonBar.ButtonData.CANCEL_CLOSE);

    private final Window owner;

    ConflictDialog(Window owner) {
        this.owner = owner;
    }

    /** Shows the conflict; {@code choice} receives true to overwrite, false to keep the server's value. */
    void show(String path, Conflict conflict, Consumer<Boolean> choice) {
        Alert alert = new Alert(Alert.AlertType.WARNING, "", OVERWRITE, KEEP_SERVER);
        alert.initOwner(owner);
        alert.setTitle("Someone else changed " + path);
        alert.setHeaderText(path + " changed on the server since you loaded it (it is now at version "
                + conflict.serverStat().version() + "). Your edit was not saved.");
        GridPane panes = new GridPane();
        panes.setHgap(8);
        panes.setVgap(4);
        panes.add(new Label("On the server now"), 0, 0);
        panes.add(new Label("Your text"), 1, 0);
        panes.add(readOnly("conflict-server", conflict.serverValue().text()), 0, 1);
        panes.add(readOnly("conflict-yours", conflict.yourText()), 1, 1);
        alert.getDialogPane().setContent(panes);
        alert.getDialogPane().setId("conflict-dialog");
        alert.setOnHidden(event -> choice.accept(alert.getResult() == OVERWRITE));
        alert.show();
    }

    private static TextArea readOnly(String id, String text) {
        TextArea area = new TextArea(text);
        area.setId(id);
        area.setEditable(false);
        area.setPrefColumnCount(30);
        area.setPrefRowCount(8);
        GridPane.setHgrow(area, Priority.ALWAYS);
        return area;
    }
}
