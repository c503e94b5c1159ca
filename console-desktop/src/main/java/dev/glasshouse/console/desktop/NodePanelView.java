package dev.glasshouse.console.desktop;

import dev.glasshouse.engine.console.AclText;
import dev.glasshouse.engine.console.Conflict;
import dev.glasshouse.engine.console.DataFormat;
import dev.glasshouse.engine.console.NodeModel;
import dev.glasshouse.engine.console.NodeView;
import dev.glasshouse.engine.console.Problem;
import dev.glasshouse.engine.console.StatRow;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The node panel screen: the open znode's data in the detected (or chosen) format and charset,
 * its Stat explained field by field, its ACL, and Save. It renders {@link NodeView} and forwards
 * format, charset, save and the conflict choice to the bound {@link NodeModel}. Confined to the FX
 * thread.
 */
final class NodePanelView {
    private static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
            StandardCharsets.US_ASCII, StandardCharsets.UTF_16, Charset.forName("windows-1252"),
            Charset.forName("GB18030"), Charset.forName("Shift_JIS"));

    private final Label path = new Label("Select a znode in the tree");
    private final Button copyPath = new Button("Copy path");
    private final ChoiceBox<DataFormat> format = new ChoiceBox<>();
    private final ChoiceBox<Charset> charset = new ChoiceBox<>();
    private final Button save = new Button("Save");
    private final Label formatProblem = new Label();
    private final TextArea data = new TextArea();
    private final TableView<StatRow> stat = new TableView<>();
    private final ListView<String> acl = new ListView<>();
    private final Label problem = new Label();
    private final ConflictDialog conflicts;
    private final VBox pane;
    private Optional<NodeModel> model = Optional.empty();
    private Runnable unsubscribe = () -> { };
    private String shownText = "";
    private Optional<Conflict> shownConflict = Optional.empty();
    private boolean rendering;

    NodePanelView(Consumer<String> onCopyPath, Window owner) {
        this.conflicts = new ConflictDialog(owner);
        path.setId("node-path");
        path.getStyleClass().add("title-4");
        copyPath.setId("copy-path");
        copyPath.setOnAction(event -> onCopyPath.accept(path.getText()));
        format.setId("data-format");
        format.getItems().setAll(DataFormat.values());
        format.valueProperty().addListener((o, old, now) -> forward(m -> m.showAs(now), now));
        charset.setId("data-charset");
        charset.getItems().setAll(CHARSETS);
        charset.valueProperty().addListener((o, old, now) -> forward(m -> m.useCharset(now), now));
        save.setId("save");
        save.getStyleClass().add("accent");
        save.setOnAction(event -> save());
        data.setId("node-data");
        data.getStyleClass().add("monospace");
        formatProblem.setId("format-problem");
        formatProblem.getStyleClass().add("warning");
        formatProblem.setWrapText(true);
        problem.setId("node-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        stat.setId("stat-table");
        stat.getColumns().setAll(List.of(column("Field", StatRow::name, 110),
                column("Value", StatRow::value, 260), column("Meaning", StatRow::meaning, 320)));
        stat.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        acl.setId("acl-list");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, path, spacer, copyPath);
        header.setAlignment(Pos.CENTER_LEFT);
        HBox dataTools = new HBox(8, new Label("View as"), format, new Label("Charset"), charset, save);
        dataTools.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(data, Priority.ALWAYS);
        VBox dataPane = new VBox(6, dataTools, formatProblem, data);
        dataPane.setPadding(new Insets(6, 0, 0, 0));
        TabPane tabs = new TabPane(tab("Data", dataPane), tab("Stat", stat), tab("ACL", acl));
        tabs.setId("node-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        pane = new VBox(6, header, tabs, problem);
        pane.setPadding(new Insets(6));
        render(Optional.empty());
    }

    Node node() {
        return pane;
    }

    void bind(NodeModel bound) {
        unbind();
        model = Optional.of(bound);
        unsubscribe = bound.subscribe(view -> render(Optional.of(view)));
    }

    void unbind() {
        unsubscribe.run();
        unsubscribe = () -> { };
        model = Optional.empty();
        render(Optional.empty());
    }

    /** Saves the text as a compare-and-set on the loaded version (the Save button and Ctrl+S). */
    void save() {
        model.ifPresent(m -> m.save(data.getText()));
    }

    Optional<String> openPath() {
        return model.map(m -> m.view().path()).filter(p -> !p.isEmpty());
    }

    private <T> void forward(Consumer<NodeModel> intent, T value) {
        if (!rendering && value != null) {
            model.ifPresent(intent);
        }
    }

    private void render(Optional<NodeView> shown) {
        rendering = true;
        try {
            boolean open = shown.isPresent() && !shown.get().path().isEmpty();
            path.setText(open ? shown.get().path() : "Select a znode in the tree");
            copyPath.setDisable(!open);
            shown.ifPresentOrElse(this::renderView, this::renderNothing);
        } finally {
            rendering = false;
        }
    }

    private void renderView(NodeView view) {
        format.setValue(view.format());
        charset.setValue(view.charset());
        if (!view.rendered().text().equals(shownText)) {
            shownText = view.rendered().text();
            data.setText(shownText);
        }
        data.setEditable(view.editable());
        save.setDisable(!view.editable() || view.loading());
        show(formatProblem, view.rendered().problem());
        stat.getItems().setAll(view.statRows());
        acl.getItems().setAll(view.acl().stream().map(AclText::of).toList());
        show(problem, view.problem().map(Problem::summary));
        problem.setTooltip(view.problem().map(p -> new Tooltip(p.details())).orElse(null));
        if (view.conflict().isPresent() && !view.conflict().equals(shownConflict)) {
            conflicts.show(view.path(), view.conflict().get(), this::resolve);
        }
        shownConflict = view.conflict();
    }

    private void renderNothing() {
        shownText = "";
        data.setText("");
        data.setEditable(false);
        save.setDisable(true);
        stat.getItems().clear();
        acl.getItems().clear();
        show(formatProblem, Optional.empty());
        show(problem, Optional.empty());
    }

    private void resolve(boolean overwrite) {
        model.ifPresent(m -> {
            if (overwrite) {
                m.overwrite();
            } else {
                m.discardMine();
            }
        });
    }

    private static void show(Label label, Optional<String> text) {
        label.setText(text.orElse(""));
        label.setVisible(text.isPresent());
        label.setManaged(text.isPresent());
    }

    private static Tab tab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        return tab;
    }

    private static TableColumn<StatRow, String> column(String title, Function<StatRow, String> field, double width) {
        TableColumn<StatRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(field.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
