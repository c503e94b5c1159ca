package dev.glasshouse.console.desktop;

import dev.glasshouse.engine.console.Outcome;
import dev.glasshouse.engine.console.Problem;
import dev.glasshouse.engine.console.ProtectedPaths;
import dev.glasshouse.engine.console.ZnodeEditor;
import dev.glasshouse.engine.console.ZnodeTreeModel;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The create and delete flows: the dialogs that ask and confirm (with the preview of how many
 * nodes a recursive delete removes), forwarding to {@link ZnodeEditor} and reporting its
 * {@link Outcome} in the status bar. Confined to the FX thread.
 */
final class EditActions {
    private final Window owner;
    private final StatusBarView status;
    private Optional<ZnodeEditor> editor = Optional.empty();
    private Optional<ZnodeTreeModel> tree = Optional.empty();

    EditActions(Window owner, StatusBarView status) {
        this.owner = owner;
        this.status = status;
    }

    void bind(ZnodeEditor boundEditor, ZnodeTreeModel boundTree) {
        editor = Optional.of(boundEditor);
        tree = Optional.of(boundTree);
    }

    void unbind() {
        editor = Optional.empty();
        tree = Optional.empty();
    }

    void newChild(String parent) {
        if (editor.isEmpty()) {
            status.showMessage("Connect to an ensemble first.");
            return;
        }
        CreateNodeDialog.ask(owner, parent).ifPresent(request -> editor.get()
                .create(parent, request.name(), request.mode(), request.data(), request.ttlMillis())
                .thenAccept(outcome -> finished(outcome, parent)));
    }

    /** Deletes one node after asking; a node with children is offered as a recursive delete. */
    void delete(String path) {
        if (ProtectedPaths.isProtected(path)) {
            // Nothing to confirm: the editor refuses protected paths before sending anything and says why.
            editor.ifPresent(e -> e.delete(path, false).thenAccept(status::showOutcome));
            return;
        }
        editor.ifPresent(e -> e.countForDelete(path).whenComplete((count, failure) -> {
            if (failure != null) {
                status.showProblem(Problem.of("Counting the nodes below " + path, failure));
            } else {
                confirmDelete(e, path, count);
            }
        }));
    }

    private void confirmDelete(ZnodeEditor e, String path, int count) {
        boolean recursive = count > 1;
        ButtonType delete = new ButtonType(recursive ? "Delete " + count + " nodes" : "Delete",
                ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "", delete, ButtonType.CANCEL);
        confirm.initOwner(owner);
        confirm.getDialogPane().setId("delete-dialog");
        confirm.setTitle("Delete " + path);
        confirm.setHeaderText(recursive
                ? "Delete " + path + " and everything below it? " + count + " nodes will be deleted."
                : "Delete " + path + "?");
        confirm.setContentText("This cannot be undone. The deletion is recorded in the audit trail.");
        if (confirm.showAndWait().filter(delete::equals).isPresent()) {
            e.delete(path, recursive).thenAccept(outcome -> finished(outcome, parentOf(path)));
        }
    }

    private void finished(Outcome outcome, String parent) {
        status.showOutcome(outcome);
        // Live updates may be paused; the user still expects to see the result of their own edit.
        if (outcome.succeeded()) {
            tree.ifPresent(t -> t.expand(parent));
        }
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
