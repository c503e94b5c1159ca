package dev.glasshouse.console.desktop;

import dev.glasshouse.engine.console.Problem;
import dev.glasshouse.engine.history.AuditEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The audit trail screen: the newest console edits (when, who, on which connection, what, where,
 * sizes before and after), read from the history store off the FX thread. Confined to the FX thread.
 */
final class AuditView {
    private static final int LIMIT = 200;
    private static final DateTimeFormatter TIMES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final AuditHistory history;
    private final Executor background;
    private final Executor ui;
    private final TableView<AuditEntry> table = new TableView<>();
    private final Label problem = new Label();
    private final VBox pane;

    AuditView(AuditHistory history, Executor background, Executor ui) {
        this.history = history;
        this.background = background;
        this.ui = ui;
        table.setId("audit-table");
        table.setPlaceholder(new Label("No edits recorded yet."));
        table.getColumns().setAll(List.of(column("When", e -> TIMES.format(e.at()), 150),
                column("User", AuditEntry::user, 90), column("Connection", AuditEntry::connection, 150),
                column("Action", AuditEntry::action, 120), column("Path", AuditEntry::path, 220),
                column("Bytes before → after", e -> size(e.before()) + " → " + size(e.after()), 150)));
        Button refresh = new Button("Refresh");
        refresh.setId("audit-refresh");
        refresh.setOnAction(event -> refresh());
        problem.setId("audit-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        history.problem().map(Problem::summary).ifPresent(problem::setText);
        HBox tools = new HBox(8, new Label("Edits made from this console, newest first"), refresh);
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        pane = new VBox(6, tools, problem, table);
        pane.setPadding(new Insets(6));
    }

    Node node() {
        return pane;
    }

    void refresh() {
        background.execute(() -> {
            try {
                List<AuditEntry> entries = history.recent(LIMIT);
                ui.execute(() -> table.getItems().setAll(entries));
            } catch (Exception e) {
                ui.execute(() -> problem.setText(Problem.of("Reading the audit trail", e).summary()));
            }
        });
    }

    private static int size(byte[] data) {
        return data == null ? 0 : data.length;
    }

    private static TableColumn<AuditEntry, String> column(String title, Function<AuditEntry, String> field,
                                                          double width) {
        TableColumn<AuditEntry, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(field.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
