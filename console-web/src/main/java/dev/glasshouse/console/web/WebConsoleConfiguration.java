package dev.glasshouse.console.web;

import dev.glasshouse.console.web.connect.DemoEnsemble;
import dev.glasshouse.console.web.connect.ProfileStore;
import dev.glasshouse.console.web.security.AdminPassword;
import dev.glasshouse.console.web.security.ConsoleAccounts;
import dev.glasshouse.engine.history.AuditTrail;
import dev.glasshouse.engine.history.HistoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The composition root: builds the console's shared objects with their constructors. Views get
 * them by constructor and create their own per-screen models.
 */
@Configuration(proxyBeanMethods = false)
public class WebConsoleConfiguration {

    @Bean
    WebConsoleSettings webConsoleSettings(Environment environment) throws IOException {
        WebConsoleSettings settings = WebConsoleSettings.from(environment);
        Files.createDirectories(settings.home());
        Files.createDirectories(settings.historyDir());
        return settings;
    }

    /** Where the models run blocking client calls; daemon threads, so a stuck call never holds the JVM. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService consoleBackground() {
        AtomicInteger counter = new AtomicInteger();
        return Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "console-background-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean(destroyMethod = "close")
    HistoryStore historyStore(WebConsoleSettings settings) throws SQLException {
        return HistoryStore.open(settings.historyDir());
    }

    @Bean
    AuditTrail auditTrail(HistoryStore store) {
        return new AuditTrail(store, Clock.systemUTC());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AdminPassword adminPassword(WebConsoleSettings settings) throws IOException {
        return AdminPassword.resolve(settings.adminPassword(), settings.home().resolve("admin-password.txt"));
    }

    @Bean
    UserDetailsService consoleAccounts(AdminPassword admin, WebConsoleSettings settings, PasswordEncoder encoder) {
        return ConsoleAccounts.build(admin, settings.users(), encoder);
    }

    @Bean
    ProfileStore profileStore(WebConsoleSettings settings) {
        return ProfileStore.parse(settings.connections());
    }

    @Bean(destroyMethod = "close")
    DemoEnsemble demoEnsemble(WebConsoleSettings settings, ProfileStore profiles, ExecutorService consoleBackground) {
        DemoEnsemble demo = new DemoEnsemble(settings.home().resolve("demo-ensemble"), profiles, consoleBackground);
        if (settings.demo()) {
            demo.startAndWait();
        }
        return demo;
    }
}
