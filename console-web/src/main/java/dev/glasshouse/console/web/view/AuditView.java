package dev.glasshouse.console.web.view;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.glasshouse.engine.console.DataRenderer;
import dev.glasshouse.engine.console.Problem;
import dev.glasshouse.engine.history.AuditEntry;
import dev.glasshouse.engine.history.AuditTrail;
import jakarta.annotation.security.PermitAll;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The audit trail: every edit made through either console (who, when, which connection and path,
 * data before and after), newest first, optionally only below a path.
 */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit trail · Glasshouse")
@PermitAll
public class AuditView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final int LIMIT = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final transient AuditTrail audit;
    private final transient ExecutorService background;
    private final transient DataRenderer renderer = new DataRenderer();
    final TextField prefix = new TextField();
    final Grid<AuditEntry> grid = new Grid<>();
    final ProblemBox problem = new ProblemBox();

    public AuditView(AuditTrail audit, ExecutorService consoleBackground) {
        this.audit = audit;
        this.background = consoleBackground;
        setSizeFull();
        prefix.setPlaceholder("Only paths starting with…");
        prefix.setClearButtonVisible(true);
        prefix.setValueChangeMode(ValueChangeMode.LAZY);
        prefix.addValueChangeListener(change -> load());
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> load());
        HorizontalLayout tools = new HorizontalLayout(prefix, refresh);
        tools.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("audit");
        grid.addColumn(entry -> TIME.format(entry.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::user).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::connection).setHeader("Connection").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::path).setHeader("Path").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(entry -> shown(entry.before())).setHeader("Before").setFlexGrow(1);
        grid.addColumn(entry -> shown(entry.after())).setHeader("After").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        add(new H3("Audit trail"), tools, problem, grid);
        setFlexGrow(1, grid);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        load();
    }

    private void load() {
        UI ui = UI.getCurrent();
        String below = prefix.getValue().strip();
        background.execute(() -> {
            try {
                List<AuditEntry> entries = audit.recent(LIMIT, below);
                UiExecutor.of(ui).execute(() -> {
                    grid.setItems(entries);
                    problem.show(Optional.empty());
                });
            } catch (Exception e) {
                UiExecutor.of(ui).execute(() -> problem.show(Optional.of(Problem.of("Reading the audit trail", e))));
            }
        });
    }

    // The data as the node panel would first show it (text, JSON or hex), on one line.
    private String shown(byte[] data) {
        if (data == null || data.length == 0) {
            return "";
        }
        return renderer.render(data, renderer.detect(data), StandardCharsets.UTF_8).text().replaceAll("\\s+", " ");
    }
}
