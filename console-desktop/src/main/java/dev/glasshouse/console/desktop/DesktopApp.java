package dev.glasshouse.console.desktop;

import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The desktop console's JavaFX application: the composition root that builds one
 * {@link ConsoleWindow} from the command line and closes it (and any demo ensemble) on exit.
 */
public final class DesktopApp extends Application {
    private ConsoleWindow window;

    @Override
    public void start(Stage stage) {
        window = new ConsoleWindow(ConsoleSettings.parse(getParameters().getRaw()));
        window.show(stage);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
