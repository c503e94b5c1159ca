package dev.glasshouse.console.web.view;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import dev.glasshouse.engine.console.Conflict;

/**
 * Shown when a save lost a race: the user's text next to the server's newer value, and the two ways
 * out the node model offers (overwrite with mine, or keep the server's value).
 */
final class ConflictDialog extends Dialog {
    private static final long serialVersionUID = 1L;

    ConflictDialog(String path, Conflict conflict, Runnable overwrite, Runnable keepServers) {
        setHeaderTitle("Someone else changed " + path);
        setWidth("min(60rem, 95vw)");
        add(new Paragraph("The node changed on the server after you opened it (it is now at version "
                + conflict.serverStat().version() + "). Choose which value to keep."));
        TextArea mine = new TextArea("Your text");
        mine.setValue(conflict.yourText());
        mine.setReadOnly(true);
        TextArea server = new TextArea("The server's newer value");
        server.setId("conflict-server-value");
        server.setValue(conflict.serverValue().text());
        server.setReadOnly(true);
        HorizontalLayout both = new HorizontalLayout(mine, server);
        both.setWidthFull();
        both.setFlexGrow(1, mine, server);
        add(both);
        Button overwriteButton = new Button("Overwrite with mine", click -> {
            close();
            overwrite.run();
        });
        overwriteButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button keep = new Button("Keep the server's value", click -> {
            close();
            keepServers.run();
        });
        keep.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(overwriteButton, keep);
    }
}
