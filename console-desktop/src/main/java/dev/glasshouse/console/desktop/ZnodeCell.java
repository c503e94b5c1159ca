package dev.glasshouse.console.desktop;

import dev.glasshouse.engine.console.ZnodeEntry;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;

/**
 * One row of the znode tree: the name, then small badges for the node's kind (ephemeral,
 * sequential) and its child count. Placeholder rows (still loading) show their text muted.
 */
final class ZnodeCell extends TreeCell<ZnodeEntry> {
    private final Label children = badge("children");
    private final Label ephemeral = badge("kind-ephemeral");
    private final Label sequential = badge("kind-sequential");
    private final HBox badges = new HBox(4, ephemeral, sequential, children);

    ZnodeCell() {
        setContentDisplay(ContentDisplay.RIGHT);
        setGraphicTextGap(8);
        ephemeral.setText("ephemeral");
        sequential.setText("sequential");
    }

    @Override
    protected void updateItem(ZnodeEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        getStyleClass().remove("placeholder");
        if (empty || entry == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(entry.name());
        if (entry.path().isEmpty()) {
            getStyleClass().add("placeholder");
            setGraphic(null);
            return;
        }
        children.setText(Integer.toString(entry.numChildren()));
        show(children, entry.numChildren() > 0);
        show(ephemeral, entry.ephemeral());
        show(sequential, entry.sequential());
        setGraphic(badges);
    }

    private static void show(Label badge, boolean visible) {
        badge.setVisible(visible);
        badge.setManaged(visible);
    }

    private static Label badge(String kind) {
        Label label = new Label();
        label.getStyleClass().addAll("badge", kind);
        return label;
    }
}
