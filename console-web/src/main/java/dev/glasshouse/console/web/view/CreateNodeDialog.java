package dev.glasshouse.console.web.view;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import dev.glasshouse.engine.wire.CreateMode;
import java.nio.charset.StandardCharsets;

/**
 * Asks for a new child's name, mode (all of ZooKeeper's create modes), TTL and data, and publishes
 * a {@link CreateRequested} event; the browse view hands it to the editor, which checks it.
 */
final class CreateNodeDialog extends Dialog {
    private static final long serialVersionUID = 1L;

    final TextField name = new TextField("Name");
    final Select<CreateMode> mode = new Select<>();
    final IntegerField ttlSeconds = new IntegerField("Time to live (seconds)");
    final TextArea data = new TextArea("Data (UTF-8 text)");
    final Button create = new Button("Create");

    CreateNodeDialog(String parent) {
        setHeaderTitle("New node under " + parent);
        name.setId("create-name");
        name.setWidthFull();
        mode.setLabel("Mode");
        mode.setItems(CreateMode.values());
        mode.setItemLabelGenerator(CreateNodeDialog::label);
        mode.setValue(CreateMode.PERSISTENT);
        mode.setWidthFull();
        ttlSeconds.setVisible(false);
        ttlSeconds.setValue(60);
        ttlSeconds.setHelperText("TTL nodes need a server with extended types enabled");
        mode.addValueChangeListener(change -> ttlSeconds.setVisible(change.getValue() != null
                && change.getValue().isTtl()));
        data.setWidthFull();
        VerticalLayout form = new VerticalLayout(name, mode, ttlSeconds, data);
        form.setPadding(false);
        add(form);
        create.setId("create-confirm");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> {
            long ttlMillis = ttlSeconds.getValue() == null ? 0 : ttlSeconds.getValue() * 1000L;
            fireEvent(new CreateRequested(this, parent, name.getValue(), mode.getValue(),
                    data.getValue().getBytes(StandardCharsets.UTF_8), ttlMillis));
            close();
        });
        getFooter().add(new Button("Cancel", click -> close()), create);
    }

    Registration addCreateListener(ComponentEventListener<CreateRequested> listener) {
        return addListener(CreateRequested.class, listener);
    }

    private static String label(CreateMode mode) {
        return switch (mode) {
            case PERSISTENT -> "Persistent";
            case EPHEMERAL -> "Ephemeral (goes with this console's session)";
            case PERSISTENT_SEQUENTIAL -> "Persistent sequential";
            case EPHEMERAL_SEQUENTIAL -> "Ephemeral sequential";
            case CONTAINER -> "Container (removed once its last child goes)";
            case PERSISTENT_WITH_TTL -> "Persistent with TTL";
            case PERSISTENT_SEQUENTIAL_WITH_TTL -> "Persistent sequential with TTL";
        };
    }

    /** The user asked to create {@code parent/name}. */
    static final class CreateRequested extends ComponentEvent<CreateNodeDialog> {
        private static final long serialVersionUID = 1L;

        final String parent;
        final String name;
        final CreateMode mode;
        final transient byte[] data;
        final long ttlMillis;

        CreateRequested(CreateNodeDialog source, String parent, String name, CreateMode mode, byte[] data,
                        long ttlMillis) {
            super(source, false);
            this.parent = parent;
            this.name = name;
            this.mode = mode;
            this.data = data;
            this.ttlMillis = ttlMillis;
        }
    }
}
