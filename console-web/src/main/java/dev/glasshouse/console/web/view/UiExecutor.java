package dev.glasshouse.console.web.view;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.concurrent.Executor;

/** The UI executor models publish on: {@code ui.access}; work for a closed browser tab is dropped. */
final class UiExecutor {
    private UiExecutor() {
    }

    static Executor of(UI ui) {
        return task -> {
            try {
                ui.access(task::run);
            } catch (UIDetachedException closed) {
                // The tab is gone; nobody is left to show the result to.
            }
        };
    }
}
