package dev.glasshouse.console.desktop;

import java.util.List;
import javafx.application.Application;

/**
 * Entry point of the desktop console jar. It is not itself an {@link Application}, so the JavaFX
 * runtime can come from the class path of a plain (shaded) jar.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        try {
            ConsoleSettings.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        Application.launch(DesktopApp.class, args);
    }
}
