package dev.glasshouse.console.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeCell;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the console like a user through TestFX: finds tree rows by name, waits (with a deadline,
 * never a sleep) for what the FX thread shows, and saves screenshots of windows.
 */
final class ConsoleDriver {
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private final FxRobot robot;

    ConsoleDriver(FxRobot robot) {
        this.robot = robot;
    }

    FxRobot robot() {
        return robot;
    }

    /** Polls a condition on the FX thread until it holds, failing with {@code what} after the deadline. */
    void until(String what, Callable<Boolean> condition) {
        Instant end = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(end)) {
            try {
                if (WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS)) {
                    return;
                }
                WaitForAsyncUtils.waitForFxEvents();
            } catch (Exception e) {
                throw new AssertionError("Checking whether " + what + " failed", e);
            }
        }
        throw new AssertionError("Timed out after " + DEADLINE.toSeconds() + " s waiting until " + what);
    }

    /** Polls a condition that does not touch the FX thread (e.g. the server's data). */
    void untilServer(String what, Callable<Boolean> condition) throws Exception {
        Instant end = Instant.now().plus(DEADLINE);
        while (!condition.call()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Timed out after " + DEADLINE.toSeconds() + " s waiting until " + what);
            }
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    Optional<TreeCell<?>> row(String name) {
        return robot.lookup(".tree-cell").match((TreeCell<?> cell) -> name.equals(cell.getText())).tryQuery();
    }

    void waitForRow(String name) {
        until("the tree shows " + name, () -> row(name).isPresent());
    }

    void waitForNoRow(String name) {
        until("the tree no longer shows " + name, () -> row(name).isEmpty());
    }

    void select(String name) {
        waitForRow(name);
        robot.clickOn(row(name).orElseThrow());
    }

    String text(String id) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                Node node = robot.lookup(id).query();
                return node instanceof Labeled labeled ? labeled.getText()
                        : ((javafx.scene.control.TextInputControl) node).getText();
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Reading " + id + " failed", e);
        }
    }

    /** Saves a PNG of a window's scene under the screenshots directory and returns its path. */
    Path screenshot(Scene scene, String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        write(buffered, file);
        assertThat(file).isNotEmptyFile();
        return file;
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
    }
}
