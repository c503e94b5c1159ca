package dev.glasshouse.console.desktop;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The menu bar with the console's keyboard shortcuts (Ctrl/Cmd+N new child, Ctrl/Cmd+S save, F5
 * refresh, Ctrl/Cmd+F filter, Ctrl/Cmd+Shift+C copy path) and the tree's context menu. Delete is
 * handled by the tree itself. Confined to the FX thread.
 */
final class ConsoleMenus {
    /** What each menu entry does. */
    record Actions(Runnable newChild, Runnable save, Runnable delete, Runnable refresh, Runnable copyPath,
                   Runnable filter, Runnable startDemo, Runnable quit) {
    }

    private final Actions actions;

    ConsoleMenus(Actions actions) {
        this.actions = actions;
    }

    MenuBar menuBar() {
        Menu file = new Menu("File", null, item("Start a local demo ensemble", actions.startDemo(), null),
                new SeparatorMenuItem(), item("Quit", actions.quit(), shortcut(KeyCode.Q)));
        Menu edit = new Menu("Edit", null, item("New child…", actions.newChild(), shortcut(KeyCode.N)),
                item("Save data", actions.save(), shortcut(KeyCode.S)),
                item("Delete… (Del)", actions.delete(), null),
                item("Copy path", actions.copyPath(),
                        new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)));
        Menu view = new Menu("View", null, item("Refresh", actions.refresh(), new KeyCodeCombination(KeyCode.F5)),
                item("Filter the tree", actions.filter(), shortcut(KeyCode.F)));
        MenuBar bar = new MenuBar(file, edit, view);
        bar.setId("menu-bar");
        return bar;
    }

    ContextMenu treeContextMenu() {
        ContextMenu menu = new ContextMenu(item("New child…", actions.newChild(), null),
                item("Delete…", actions.delete(), null), item("Copy path", actions.copyPath(), null),
                new SeparatorMenuItem(), item("Refresh", actions.refresh(), null));
        menu.setId("tree-menu");
        return menu;
    }

    private static MenuItem item(String text, Runnable action, KeyCombination accelerator) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(event -> action.run());
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        return item;
    }

    private static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }
}
