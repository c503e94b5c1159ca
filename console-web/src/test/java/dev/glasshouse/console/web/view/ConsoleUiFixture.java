package dev.glasshouse.console.web.view;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.glasshouse.console.web.security.Roles;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

/** Browserless Vaadin for the view tests: a mocked UI on the Spring context, a logged-in user, polling. */
final class ConsoleUiFixture {
    private ConsoleUiFixture() {
    }

    static void setUp(ApplicationContext context) {
        Routes routes = new Routes().autoDiscoverViews("dev.glasshouse.console.web");
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
    }

    static void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    static void logInAs(String user, boolean operator) {
        String[] roles = operator ? new String[] {Roles.VIEWER, Roles.OPERATOR} : new String[] {Roles.VIEWER};
        List<GrantedAuthority> authorities = Arrays.stream(roles)
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
        UsernamePasswordAuthenticationToken authentication = new UsernamePasswordAuthenticationToken(
                new User(user, "unused", authorities), null, authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> authorities.stream()
                .anyMatch(granted -> granted.getAuthority().equals("ROLE_" + role)));
    }

    /** Runs queued UI work (what server push would deliver) until the condition holds or time runs out. */
    static void await(String what, BooleanSupplier condition) {
        await(what, condition, () -> "");
    }

    static void await(String what, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            MockVaadin.runUIQueue();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what + "; " + state.get());
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
