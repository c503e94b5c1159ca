package dev.glasshouse.console.web.view;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import dev.glasshouse.console.web.WebConsoleApplication;
import dev.glasshouse.console.web.connect.ProfileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Connection profiles and the login gate, without a browser. */
@SpringBootTest(classes = WebConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Timeout(60)
class ConnectionsViewTest {
    @Autowired
    private ApplicationContext context;
    @Autowired
    private ProfileStore profiles;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path directory = Files.createTempDirectory("connections-view-test");
        registry.add("glasshouse.web.home", () -> directory.resolve("web").toString());
        registry.add("glasshouse.history.dir", () -> directory.resolve("history").toString());
        registry.add("glasshouse.web.connections", () -> "local=127.0.0.1:2181");
    }

    @BeforeEach
    void setUp() {
        ConsoleUiFixture.setUp(context);
    }

    @AfterEach
    void tearDown() {
        ConsoleUiFixture.tearDown();
    }

    @Test
    void withoutLoginEveryViewLeadsToTheLoginPage() {
        UI.getCurrent().navigate(ConnectionsView.class);

        LoginView login = _get(LoginView.class);
        assertThat(_get(login, Paragraph.class).getText()).contains("admin-password.txt");
    }

    @Test
    void operatorAddsAProfileWithChrootAndDigest() {
        ConsoleUiFixture.logInAs("olivia", true);
        UI.getCurrent().navigate(ConnectionsView.class);
        ConnectionsView view = _get(ConnectionsView.class);

        _setValue(view.name, "staging");
        _setValue(view.connectString, "10.0.0.1:2181,10.0.0.2:2181/staging");
        _setValue(view.digest, "app:secret");
        _click(view.add);

        assertThat(profiles.find("staging").orElseThrow().connectString())
                .isEqualTo("10.0.0.1:2181,10.0.0.2:2181/staging");
        assertThat(profiles.find("staging").orElseThrow().digestCredentials()).contains("app:secret");
        assertThat(view.grid.getListDataView().getItems().map(p -> p.name()).toList()).contains("staging");
    }

    @Test
    void blankConnectStringIsExplainedNotThrown() {
        ConsoleUiFixture.logInAs("olivia", true);
        UI.getCurrent().navigate(ConnectionsView.class);
        ConnectionsView view = _get(ConnectionsView.class);

        _setValue(view.name, "broken");
        _click(view.add);

        assertThat(view.problem.isVisible()).isTrue();
        assertThat(view.problem.text()).contains("needs a connect string");
        assertThat(profiles.find("broken")).isEmpty();
    }

    @Test
    void viewerCannotAddProfilesOrStartTheDemo() {
        ConsoleUiFixture.logInAs("victor", false);
        UI.getCurrent().navigate(ConnectionsView.class);
        ConnectionsView view = _get(ConnectionsView.class);

        assertThat(view.add.isVisible() && view.add.getParent().orElseThrow().isVisible()).isFalse();
        assertThat(view.startDemo.isVisible()).isFalse();
    }
}
