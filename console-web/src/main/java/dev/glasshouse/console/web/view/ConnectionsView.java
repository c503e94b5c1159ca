package dev.glasshouse.console.web.view;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.glasshouse.console.web.connect.DemoEnsemble;
import dev.glasshouse.console.web.connect.ProfileStore;
import dev.glasshouse.console.web.security.Roles;
import dev.glasshouse.engine.console.ConnectionProfile;
import dev.glasshouse.engine.console.Problem;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Connection profiles: open one in the browser; operators add profiles (connect string with
 * optional chroot, optional digest credentials) and start the local demo ensemble.
 */
@Route(value = "connections", layout = MainLayout.class)
@PageTitle("Connections · Glasshouse")
@PermitAll
public class ConnectionsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient ProfileStore profiles;
    private final transient DemoEnsemble demo;
    final Grid<ConnectionProfile> grid = new Grid<>();
    final TextField name = new TextField("Name");
    final TextField connectString = new TextField("Connect string");
    final PasswordField digest = new PasswordField("Digest user:password (optional)");
    final Button add = new Button("Add connection", VaadinIcon.PLUS.create());
    final Button startDemo = new Button("Start a local demo ensemble", VaadinIcon.PLAY.create());
    final ProblemBox problem = new ProblemBox();

    public ConnectionsView(ProfileStore profiles, DemoEnsemble demo, AuthenticationContext authentication) {
        this.profiles = profiles;
        this.demo = demo;
        boolean operator = authentication.hasRole(Roles.OPERATOR);
        setPadding(true);

        grid.addColumn(ConnectionProfile::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(ConnectionProfile::connectString).setHeader("Connect string").setFlexGrow(1);
        grid.addColumn(profile -> profile.digestCredentials().isPresent() ? "digest" : "none")
                .setHeader("Authentication").setAutoWidth(true);
        grid.addComponentColumn(profile -> new Button("Open", click -> open(profile.name())))
                .setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setId("profiles");

        connectString.setPlaceholder("127.0.0.1:2181,127.0.0.1:2182/app");
        connectString.setWidth("24rem");
        name.setId("profile-name");
        connectString.setId("profile-connect-string");
        add.setId("profile-add");
        add.addClickListener(click -> addProfile());
        HorizontalLayout form = new HorizontalLayout(name, connectString, digest, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap");
        form.setVisible(operator);

        startDemo.setId("start-demo");
        startDemo.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        startDemo.setVisible(operator);
        startDemo.addClickListener(click -> startDemo());
        Paragraph demoText = new Paragraph("The demo ensemble runs Glasshouse members as child processes of this"
                + " console on 127.0.0.1, with a few example znodes, and stops with the console.");

        add(new H3("Connections"), grid, problem, form, new H3("Demo"), demoText, startDemo);
        if (!operator) {
            add(new Paragraph("Adding connections and starting the demo need the operator role."));
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        grid.setItems(profiles.all());
    }

    private void addProfile() {
        try {
            ConnectionProfile profile = ConnectionProfile.of(name.getValue().strip(), connectString.getValue().strip());
            profiles.put(digest.isEmpty() ? profile : profile.withDigest(digest.getValue()));
            problem.show(Optional.empty());
            grid.setItems(profiles.all());
            name.clear();
            connectString.clear();
            digest.clear();
        } catch (IllegalArgumentException e) {
            problem.show(Optional.of(new Problem("Adding the connection failed: " + e.getMessage() + ".",
                    "Connect strings look like host:port[,host:port...][/chroot].")));
        }
    }

    private void startDemo() {
        UI ui = UI.getCurrent();
        startDemo.setEnabled(false);
        startDemo.setText("Starting the demo ensemble…");
        demo.start().whenComplete((profile, failure) -> UiExecutor.of(ui).execute(() -> {
            startDemo.setEnabled(true);
            startDemo.setText("Start a local demo ensemble");
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                problem.show(Optional.of(cause instanceof DemoEnsemble.DemoFailedException demoFailed
                        ? demoFailed.problem() : Problem.of("Starting the demo ensemble", cause)));
                return;
            }
            open(profile.name());
        }));
    }

    private void open(String profileName) {
        getUI().ifPresent(ui -> ui.navigate(BrowseView.class, QueryParameters.of("connection", profileName)));
    }
}
