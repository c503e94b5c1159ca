package dev.glasshouse.console.web;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The web console's entry point: a Spring Boot application serving Vaadin views with server push,
 * bound to 127.0.0.1:8080 unless configured otherwise ({@code --server.address}, {@code --server.port}).
 * {@code --glasshouse.web.demo=true} starts a local demo ensemble and makes it the default connection.
 */
@SpringBootApplication
@Push
@PWA(name = "Glasshouse web console", shortName = "Glasshouse", offline = false)
public class WebConsoleApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(WebConsoleApplication.class, args);
    }
}
