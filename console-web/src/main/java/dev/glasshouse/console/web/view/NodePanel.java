package dev.glasshouse.console.web.view;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import dev.glasshouse.engine.console.AclText;
import dev.glasshouse.engine.console.DataFormat;
import dev.glasshouse.engine.console.NodeModel;
import dev.glasshouse.engine.console.NodeView;
import dev.glasshouse.engine.console.StatRow;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The node panel: a znode's data in the chosen format and charset, its Stat with every field
 * explained, its ACL, and, for operators, save, new child and delete. Renders the node model's
 * {@link NodeView}; every user action is forwarded to the model or to the browse view.
 */
final class NodePanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
            StandardCharsets.US_ASCII, StandardCharsets.UTF_16, Charset.forName("windows-1252"),
            Charset.forName("Shift_JIS"), Charset.forName("GB18030"));

    final H3 path = new H3("Choose a node in the tree");
    final Select<DataFormat> format = new Select<>();
    final Select<Charset> charset = new Select<>();
    final TextArea data = new TextArea();
    final Span formatProblem = new Span();
    final Button save = new Button("Save", VaadinIcon.CHECK.create());
    final Button createChild = new Button("New child", VaadinIcon.PLUS.create());
    final Button delete = new Button("Delete", VaadinIcon.TRASH.create());
    final Button deleteRecursive = new Button("Delete recursively", VaadinIcon.TRASH.create());
    final Button copyPath = new Button("Copy path", VaadinIcon.COPY.create());
    private String shownPath = "";
    final Span readOnlyNote = new Span();
    final Grid<StatRow> stat = new Grid<>();
    final Div acl = new Div();
    final ProblemBox problem = new ProblemBox();
    private final boolean operator;
    private Optional<NodeModel> model = Optional.empty();
    private Runnable onSaveStarted = () -> { };

    NodePanel(boolean operator) {
        this.operator = operator;
        setSizeFull();
        setPadding(true);
        setSpacing(true);
        path.getStyle().set("margin", "0").set("word-break", "break-all");
        path.setId("node-path");

        format.setLabel("Show as");
        format.setItems(DataFormat.values());
        format.setItemLabelGenerator(NodePanel::label);
        format.setId("node-format");
        format.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                model.ifPresent(node -> node.showAs(change.getValue()));
            }
        });
        charset.setLabel("Charset");
        charset.setItems(CHARSETS);
        charset.setItemLabelGenerator(Charset::name);
        charset.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                model.ifPresent(node -> node.useCharset(change.getValue()));
            }
        });

        save.setId("node-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> model.ifPresent(node -> {
            onSaveStarted.run();
            node.save(data.getValue());
        }));
        createChild.setId("node-create");
        delete.setId("node-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        deleteRecursive.setId("node-delete-recursive");
        deleteRecursive.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        createChild.setVisible(operator);
        save.setVisible(operator);
        delete.setVisible(operator);
        deleteRecursive.setVisible(operator);

        HorizontalLayout tools = new HorizontalLayout(format, charset, save, createChild, delete, deleteRecursive);
        tools.setAlignItems(FlexComponent.Alignment.BASELINE);
        tools.getStyle().set("flex-wrap", "wrap");

        data.setId("node-data");
        data.setWidthFull();
        data.setMinHeight("8rem");
        data.setMaxHeight("22rem");
        data.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        formatProblem.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-error-text-color))");
        readOnlyNote.getStyle().set("color", "var(--lumo-secondary-text-color)");
        readOnlyNote.setId("node-read-only");

        stat.addColumn(StatRow::name).setHeader("Field").setAutoWidth(true).setFlexGrow(0);
        stat.addColumn(StatRow::value).setHeader("Value").setAutoWidth(true).setFlexGrow(0);
        stat.addColumn(StatRow::meaning).setHeader("Meaning").setFlexGrow(1);
        stat.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        stat.setAllRowsVisible(true);
        stat.setId("node-stat");
        Details statDetails = new Details("Stat", stat);
        statDetails.setOpened(true);
        statDetails.setWidthFull();
        acl.setId("node-acl");
        Details aclDetails = new Details("ACL", acl);
        aclDetails.setOpened(true);

        copyPath.setId("node-copy-path");
        copyPath.addClickListener(click -> copyPath.getUI().ifPresent(ui -> ui.getPage()
                .executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", shownPath)));
        HorizontalLayout header = new HorizontalLayout(path, copyPath);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        add(header, problem, tools, formatProblem, readOnlyNote, data, statDetails, aclDetails);
        showNothing();
    }

    void bind(NodeModel node, Runnable saveStarted) {
        model = Optional.of(node);
        onSaveStarted = saveStarted;
    }

    void unbind() {
        model = Optional.empty();
        showNothing();
    }

    private void showNothing() {
        shownPath = "";
        copyPath.setEnabled(false);
        path.setText("Choose a node in the tree");
        data.setValue("");
        data.setReadOnly(true);
        stat.setItems(List.of());
        acl.removeAll();
        problem.show(Optional.empty());
        formatProblem.setVisible(false);
        readOnlyNote.setVisible(false);
        enableEditing(false);
    }

    void render(NodeView view) {
        if (view.path().isEmpty()) {
            showNothing();
            return;
        }
        path.setText(view.path() + (view.loading() ? " (loading…)" : ""));
        shownPath = view.path();
        copyPath.setEnabled(true);
        format.setValue(view.format());
        charset.setValue(view.charset());
        charset.setEnabled(view.format() == DataFormat.TEXT);
        data.setValue(view.rendered().text());
        formatProblem.setText(view.rendered().problem().orElse(""));
        formatProblem.setVisible(view.rendered().problem().isPresent());
        boolean editable = operator && view.editable() && !view.loading();
        data.setReadOnly(!editable);
        enableEditing(editable);
        readOnlyNote.setVisible(!view.loading() && view.stat().isPresent() && !editable);
        readOnlyNote.setText(operator ? "This node is managed by the server and read-only in the console."
                : "Read-only: your role is viewer. An operator can edit.");
        stat.setItems(view.statRows());
        acl.removeAll();
        view.acl().forEach(entry -> acl.add(new Div(AclText.of(entry))));
        problem.show(view.problem());
    }

    private void enableEditing(boolean enabled) {
        save.setEnabled(enabled);
        delete.setEnabled(enabled);
        deleteRecursive.setEnabled(enabled);
    }

    private static String label(DataFormat format) {
        return switch (format) {
            case TEXT -> "Text";
            case JSON -> "JSON";
            case HEX -> "Hex";
            case BASE64 -> "Base64";
        };
    }
}
