package dev.glasshouse.console.desktop;

import dev.glasshouse.engine.console.Problem;
import dev.glasshouse.engine.console.ZnodeEntry;
import dev.glasshouse.engine.console.ZnodeSort;
import dev.glasshouse.engine.console.ZnodeTreeModel;
import dev.glasshouse.engine.console.ZnodeTreeState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The znode tree screen: a lazy tree with child counts and kinds, a filter-as-you-type field, the
 * sort order and the live-updates pause toggle. It renders {@link ZnodeTreeState} and forwards
 * expand, collapse, sort, filter and pause to the bound {@link ZnodeTreeModel}; selection and the
 * Delete key go to the listeners the window gives it. Confined to the FX thread.
 */
final class ZnodeTreeView {
    private static final ZnodeEntry ROOT = new ZnodeEntry("/", "/", false, false, 0, 0, 0, 0);

    private final TreeView<ZnodeEntry> tree = new TreeView<>();
    private final TreeItem<ZnodeEntry> root = new TreeItem<>(ROOT);
    private final Map<String, TreeItem<ZnodeEntry>> items = new HashMap<>();
    private final TextField filter = new TextField();
    private final ChoiceBox<ZnodeSort> sort = new ChoiceBox<>();
    private final ToggleButton pause = new ToggleButton("Pause live updates");
    private final Label problem = new Label();
    private final VBox pane;
    private Optional<ZnodeTreeModel> model = Optional.empty();
    private Runnable unsubscribe = () -> { };
    private boolean rendering;

    ZnodeTreeView(Consumer<String> onSelect, Consumer<String> onDelete, ContextMenu menu) {
        tree.setId("znode-tree");
        tree.setRoot(root);
        tree.setShowRoot(true);
        tree.setCellFactory(view -> new ZnodeCell());
        tree.setContextMenu(menu);
        items.put("/", root);
        root.addEventHandler(TreeItem.<ZnodeEntry>branchExpandedEvent(), event -> expanded(event.getTreeItem(), true));
        root.addEventHandler(TreeItem.<ZnodeEntry>branchCollapsedEvent(),
                event -> expanded(event.getTreeItem(), false));
        tree.getSelectionModel().selectedItemProperty().addListener((ObservableValue<? extends TreeItem<ZnodeEntry>> o,
                TreeItem<ZnodeEntry> old, TreeItem<ZnodeEntry> now) -> {
            if (!rendering && now != null && !now.getValue().path().isEmpty()) {
                onSelect.accept(now.getValue().path());
            }
        });
        // Delete is bound here rather than as a menu accelerator, so it never steals the key from a text field.
        tree.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE) {
                selectedPath().ifPresent(onDelete);
                event.consume();
            }
        });
        filter.setId("tree-filter");
        filter.setPromptText("Filter names (Ctrl+F)");
        filter.textProperty().addListener((o, old, now) -> model.ifPresent(m -> m.filter(now)));
        sort.setId("tree-sort");
        sort.getItems().setAll(ZnodeSort.values());
        sort.setValue(ZnodeSort.NAME);
        sort.valueProperty().addListener((o, old, now) -> model.ifPresent(m -> m.sortBy(now)));
        pause.setId("pause-live");
        pause.selectedProperty().addListener((o, old, now) -> model.ifPresent(m -> m.pauseLiveUpdates(now)));
        problem.setId("tree-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.setManaged(false);
        Label sortLabel = new Label("Sort");
        sortLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox tools = new HBox(6, filter, sortLabel, sort);
        HBox.setHgrow(filter, Priority.ALWAYS);
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(tree, Priority.ALWAYS);
        pane = new VBox(6, tools, pause, problem, tree);
        pane.setPadding(new Insets(6));
        pane.setMinWidth(220);
    }

    Node node() {
        return pane;
    }

    void bind(ZnodeTreeModel bound) {
        unbind();
        model = Optional.of(bound);
        unsubscribe = bound.subscribe(this::render);
    }

    /** Forgets the model and empties the tree, e.g. when the connection is closed. */
    void unbind() {
        unsubscribe.run();
        unsubscribe = () -> { };
        model = Optional.empty();
        render(ZnodeTreeState.EMPTY);
    }

    void focusFilter() {
        filter.requestFocus();
    }

    Optional<String> selectedPath() {
        TreeItem<ZnodeEntry> selected = tree.getSelectionModel().getSelectedItem();
        if (selected == null || selected.getValue().path().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(selected.getValue().path());
    }

    private void expanded(TreeItem<ZnodeEntry> item, boolean expanded) {
        if (rendering || model.isEmpty()) {
            return;
        }
        String path = item.getValue().path();
        if (expanded) {
            model.get().expand(path);
        } else {
            model.get().collapse(path);
        }
    }

    private void render(ZnodeTreeState state) {
        rendering = true;
        try {
            problem.setText(state.problem().map(Problem::summary).orElse(""));
            problem.setManaged(state.problem().isPresent());
            state.problem().ifPresent(p -> problem.setTooltip(new Tooltip(p.details())));
            pause.setSelected(state.livePaused());
            sync(root, state);
        } finally {
            rendering = false;
        }
    }

    // Reuses one TreeItem per path so selection and expansion survive every new state.
    private void sync(TreeItem<ZnodeEntry> item, ZnodeTreeState state) {
        String path = item.getValue().path();
        if (state.isExpanded(path)) {
            List<TreeItem<ZnodeEntry>> children = new ArrayList<>();
            for (ZnodeEntry entry : state.childrenOf(path)) {
                TreeItem<ZnodeEntry> child = items.computeIfAbsent(entry.path(), p -> new TreeItem<>(entry));
                if (!child.getValue().equals(entry)) {
                    child.setValue(entry);
                }
                children.add(child);
            }
            replaceChildren(item, children);
            item.setExpanded(true);
            children.forEach(child -> sync(child, state));
        } else if (state.loading().contains(path)) {
            replaceChildren(item, List.of(placeholder("loading…")));
            item.setExpanded(true);
        } else {
            boolean hasChildren = item == root ? false : item.getValue().numChildren() > 0;
            replaceChildren(item, hasChildren ? List.of(placeholder("…")) : List.of());
            item.setExpanded(false);
        }
    }

    private static void replaceChildren(TreeItem<ZnodeEntry> item, List<TreeItem<ZnodeEntry>> children) {
        List<TreeItem<ZnodeEntry>> current = item.getChildren();
        boolean same = current.size() == children.size();
        for (int i = 0; same && i < children.size(); i++) {
            same = current.get(i) == children.get(i) || isPlaceholder(current.get(i)) && isPlaceholder(children.get(i))
                    && current.get(i).getValue().equals(children.get(i).getValue());
        }
        if (!same) {
            item.getChildren().setAll(children);
        }
    }

    private static TreeItem<ZnodeEntry> placeholder(String text) {
        return new TreeItem<>(new ZnodeEntry("", text, false, false, 0, 0, 0, 0));
    }

    private static boolean isPlaceholder(TreeItem<ZnodeEntry> item) {
        return item.getValue().path().isEmpty();
    }
}
