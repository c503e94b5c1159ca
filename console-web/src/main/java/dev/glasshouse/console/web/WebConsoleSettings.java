package dev.glasshouse.console.web;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * The console's configuration, read once from Spring's environment (command line, environment
 * variables, application.properties). Immutable.
 *
 * @param home            where the console keeps its files (the generated admin password, the demo ensemble)
 * @param historyDir      the H2 history database shared with the desktop console
 * @param adminPassword   the admin's password when configured; otherwise one is generated on first start
 * @param users           further accounts, {@code name:role:password} separated by commas (role viewer or operator)
 * @param connections     connection profiles, {@code name=connectString} separated by semicolons
 * @param demo            whether to start a local demo ensemble at startup
 */
public record WebConsoleSettings(Path home, Path historyDir, Optional<String> adminPassword, String users,
                                 String connections, boolean demo) {

    public static WebConsoleSettings from(Environment environment) {
        Path userHome = Path.of(System.getProperty("user.home"), ".glasshouse");
        Path home = Path.of(environment.getProperty("glasshouse.web.home", userHome.resolve("web").toString()));
        Path history = Path.of(environment.getProperty("glasshouse.history.dir",
                userHome.resolve("history").toString()));
        Optional<String> admin = Optional.ofNullable(environment.getProperty("glasshouse.web.admin-password"))
                .filter(password -> !password.isBlank());
        return new WebConsoleSettings(home, history, admin, environment.getProperty("glasshouse.web.users", ""),
                environment.getProperty("glasshouse.web.connections", ""),
                environment.getProperty("glasshouse.web.demo", Boolean.class, false));
    }
}
