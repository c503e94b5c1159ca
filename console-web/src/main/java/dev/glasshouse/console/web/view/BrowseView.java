package dev.glasshouse.console.web.view;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.glasshouse.console.web.connect.ProfileStore;
import dev.glasshouse.console.web.security.Roles;
import dev.glasshouse.engine.client.ZkClient;
import dev.glasshouse.engine.console.ConnectionModel;
import dev.glasshouse.engine.console.ConnectionProfile;
import dev.glasshouse.engine.console.ConnectionState;
import dev.glasshouse.engine.console.ConnectionStatus;
import dev.glasshouse.engine.console.ConsoleContext;
import dev.glasshouse.engine.console.NodeModel;
import dev.glasshouse.engine.console.NodeView;
import dev.glasshouse.engine.console.Outcome;
import dev.glasshouse.engine.console.Problem;
import dev.glasshouse.engine.console.ZnodeEditor;
import dev.glasshouse.engine.console.ZnodeEntry;
import dev.glasshouse.engine.console.ZnodeSort;
import dev.glasshouse.engine.console.ZnodeTreeModel;
import dev.glasshouse.engine.console.ZnodeTreeState;
import dev.glasshouse.engine.history.AuditTrail;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * The znode browser: a connection bar, the tree (lazy, sortable, filterable, live) and the node
 * panel, at {@code /?connection=<profile>&path=<znode>} so any node can be linked to. Creates its
 * models when attached (with the UI executor {@code ui.access}) and drops them when detached.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Browse · Glasshouse")
@PermitAll
public class BrowseView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;

    private final transient ProfileStore profiles;
    private final transient ExecutorService background;
    private final transient AuditTrail audit;
    private final String user;
    private final boolean operator;

    final Select<String> profile = new Select<>();
    final Button connect = new Button("Connect", VaadinIcon.CONNECT.create());
    final Button reconnect = new Button("Reconnect", VaadinIcon.REFRESH.create());
    final Span status = new Span();
    final ProblemBox connectionProblem = new ProblemBox();
    final TextField filter = new TextField();
    final Select<ZnodeSort> sort = new Select<>();
    final Checkbox pauseLive = new Checkbox("Pause live updates");
    final Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create());
    final Button createAtRoot = new Button("New node at /", VaadinIcon.PLUS.create());
    final ProblemBox treeProblem = new ProblemBox();
    final TreeGrid<ZnodeEntry> tree = new TreeGrid<>();
    final NodePanel node;
    private final ZnodeDataProvider rows = new ZnodeDataProvider();

    private transient Executor uiExecutor;
    private transient ConnectionModel connection;
    private transient List<Runnable> unsubscribe = new ArrayList<>();
    private transient List<Runnable> modelSubscriptions = new ArrayList<>();
    private transient ZkClient modelsClient;
    private transient ZnodeTreeModel treeModel;
    private transient NodeModel nodeModel;
    private transient ZnodeEditor editor;
    private transient ConnectionStatus lastStatus = ConnectionStatus.DISCONNECTED;
    private transient Object shownConflict;
    private Optional<String> wantedProfile = Optional.empty();
    private Optional<String> wantedPath = Optional.empty();
    private Optional<String> openPath = Optional.empty();

    public BrowseView(ProfileStore profiles, ExecutorService consoleBackground, AuditTrail audit,
                      AuthenticationContext authentication) {
        this.profiles = profiles;
        this.background = consoleBackground;
        this.audit = audit;
        this.user = authentication.getPrincipalName().orElse("unknown");
        this.operator = authentication.hasRole(Roles.OPERATOR);
        this.node = new NodePanel(operator);
        setSizeFull();
        setPadding(true);

        profile.setLabel("Connection");
        profile.setId("connection-profile");
        profile.setEmptySelectionAllowed(false);
        connect.setId("connect");
        connect.addClickListener(click -> Optional.ofNullable(profile.getValue()).ifPresent(this::goTo));
        reconnect.setId("reconnect");
        reconnect.addClickListener(click -> connection.reconnect());
        reconnect.setVisible(false);
        status.setId("connection-status");
        HorizontalLayout bar = new HorizontalLayout(profile, connect, reconnect, status);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        filter.setPlaceholder("Filter names");
        filter.setId("tree-filter");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(change -> withTree(model -> model.filter(change.getValue())));
        sort.setItems(ZnodeSort.values());
        sort.setItemLabelGenerator(BrowseView::label);
        sort.setValue(ZnodeSort.NAME);
        sort.setId("tree-sort");
        sort.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                withTree(model -> model.sortBy(change.getValue()));
            }
        });
        pauseLive.setId("tree-pause");
        pauseLive.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                withTree(model -> model.pauseLiveUpdates(change.getValue()));
            }
        });
        refresh.addClickListener(click -> withTree(ZnodeTreeModel::refresh));
        createAtRoot.setId("create-at-root");
        createAtRoot.setVisible(operator);
        createAtRoot.addClickListener(click -> askCreate("/"));
        HorizontalLayout treeTools = new HorizontalLayout(filter, sort, pauseLive, refresh, createAtRoot);
        treeTools.setAlignItems(FlexComponent.Alignment.BASELINE);
        treeTools.getStyle().set("flex-wrap", "wrap");

        tree.setId("tree");
        tree.addHierarchyColumn(ZnodeEntry::name).setHeader("Name").setFlexGrow(1).setResizable(true);
        tree.addColumn(ZnodeEntry::numChildren).setHeader("Children").setAutoWidth(true).setFlexGrow(0);
        tree.addColumn(ZnodeEntry::dataLength).setHeader("Bytes").setAutoWidth(true).setFlexGrow(0);
        tree.addComponentColumn(BrowseView::kinds).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        tree.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        tree.setDataProvider(rows);
        tree.addExpandListener(expanded -> expanded.getItems()
                .forEach(entry -> withTree(model -> model.expand(entry.path()))));
        tree.asSingleSelect().addValueChangeListener(change -> {
            if (change.getValue() != null && change.isFromClient()) {
                open(change.getValue().path());
            }
        });
        tree.setSizeFull();

        VerticalLayout left = new VerticalLayout(treeTools, treeProblem, tree);
        left.setPadding(false);
        left.setSizeFull();
        left.setFlexGrow(1, tree);
        SplitLayout split = new SplitLayout(left, node);
        split.setSplitterPosition(42);
        split.setSizeFull();
        add(bar, connectionProblem, split);
        setFlexGrow(1, split);

        node.createChild.addClickListener(click -> openPath.ifPresent(this::askCreate));
        node.delete.addClickListener(click -> openPath.ifPresent(path -> askDelete(path, false)));
        node.deleteRecursive.addClickListener(click -> openPath.ifPresent(path -> askDelete(path, true)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        Optional<String> named = first(parameters, "connection");
        wantedPath = first(parameters, "path");
        wantedProfile = named.or(() -> profiles.preferred().map(ConnectionProfile::name));
        if (connection != null) {
            connectToWanted();
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        uiExecutor = UiExecutor.of(ui);
        connection = new ConnectionModel(background, uiExecutor);
        unsubscribe.add(connection.subscribe(this::render));
        connectToWanted();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unsubscribe.forEach(Runnable::run);
        unsubscribe.clear();
        dropModels();
        connection.close();
        connection = null;
        super.onDetach(detachEvent);
    }

    private void connectToWanted() {
        profile.setItems(profiles.all().stream().map(ConnectionProfile::name).toList());
        if (wantedProfile.isEmpty()) {
            status.setText("No connection yet: add one under Connections, or start the local demo ensemble there.");
            return;
        }
        Optional<ConnectionProfile> chosen = profiles.find(wantedProfile.get());
        if (chosen.isEmpty()) {
            status.setText("There is no connection named " + wantedProfile.get() + ". Choose one above.");
            return;
        }
        profile.setValue(chosen.get().name());
        boolean sameConnection = connection.state().profile().filter(chosen.get()::equals).isPresent()
                && connection.client().isPresent();
        if (sameConnection) {
            wantedPath.ifPresent(this::reveal);
        } else {
            connection.connect(chosen.get());
        }
    }

    private void goTo(String profileName) {
        getUI().ifPresent(ui -> ui.navigate(BrowseView.class, QueryParameters.of("connection", profileName)));
    }

    private void render(ConnectionState state) {
        String session = state.sessionId() == 0 ? "" : " · session " + state.sessionText();
        String where = state.profile().map(p -> p.name() + " (" + p.connectString() + "): ").orElse("");
        status.setText(where + state.status().text() + session);
        status.getElement().setAttribute("data-status", state.status().name());
        connectionProblem.show(state.problem());
        reconnect.setVisible(state.status() == ConnectionStatus.EXPIRED || state.status() == ConnectionStatus.CLOSED
                || state.status() == ConnectionStatus.AUTH_FAILED);
        Optional<ZkClient> client = connection.client();
        if (client.isEmpty()) {
            dropModels();
        } else if (state.status() == ConnectionStatus.CONNECTED || state.status() == ConnectionStatus.READ_ONLY) {
            if (client.get() != modelsClient) {
                buildModels(client.get(), state.profile().map(ConnectionProfile::name).orElse(""));
            } else if (lastStatus == ConnectionStatus.RECONNECTING) {
                treeModel.refresh();
            }
        }
        lastStatus = state.status();
    }

    private void buildModels(ZkClient client, String connectionName) {
        dropModels();
        modelsClient = client;
        ConsoleContext context = new ConsoleContext(client, connectionName, background, uiExecutor, user);
        treeModel = new ZnodeTreeModel(context);
        nodeModel = new NodeModel(context, audit, ZoneId.systemDefault());
        editor = new ZnodeEditor(context, audit);
        node.bind(nodeModel, () -> shownConflict = null);
        modelSubscriptions.add(treeModel.subscribe(this::render));
        modelSubscriptions.add(nodeModel.subscribe(this::render));
        treeModel.filter(filter.getValue());
        treeModel.sortBy(sort.getValue());
        treeModel.expand("/");
        treeModel.followChanges();
        wantedPath.ifPresent(this::reveal);
    }

    private void dropModels() {
        modelSubscriptions.forEach(Runnable::run);
        modelSubscriptions.clear();
        modelsClient = null;
        treeModel = null;
        nodeModel = null;
        editor = null;
        node.unbind();
        rows.show(ZnodeTreeState.EMPTY);
    }

    private void render(ZnodeTreeState state) {
        rows.show(state);
        treeProblem.show(state.problem());
        pauseLive.setValue(state.livePaused());
        expandRevealed(state);
    }

    private void render(NodeView view) {
        node.render(view);
        view.conflict().filter(conflict -> conflict != shownConflict).ifPresent(conflict -> {
            shownConflict = conflict;
            new ConflictDialog(view.path(), conflict, nodeModel::overwrite, nodeModel::discardMine).open();
        });
    }

    /** Opens a node from a deep link: loads its ancestors, expands them as they arrive, shows the node. */
    private void reveal(String path) {
        wantedPath = Optional.empty();
        for (String ancestor : ancestorsOf(path)) {
            treeModel.expand(ancestor);
        }
        pendingReveal = path;
        open(path);
    }

    private transient String pendingReveal;
    private transient boolean revealing;

    private void expandRevealed(ZnodeTreeState state) {
        String wanted = pendingReveal;
        // Expanding a row asks the model to load it, which publishes again: one pass at a time.
        if (wanted == null || revealing) {
            return;
        }
        revealing = true;
        try {
            revealChain(state, wanted);
        } finally {
            revealing = false;
        }
    }

    private void revealChain(ZnodeTreeState state, String wanted) {
        // Levels load in parallel and may arrive in any order: finish once the whole chain is there.
        List<String> ancestors = ancestorsOf(wanted);
        boolean chainLoaded = true;
        for (int i = 1; i < ancestors.size(); i++) {
            Optional<ZnodeEntry> ancestor = findEntry(state, ancestors.get(i));
            chainLoaded &= ancestor.isPresent();
            ancestor.filter(entry -> !tree.isExpanded(entry)).ifPresent(tree::expand);
        }
        Optional<ZnodeEntry> target = findEntry(state, wanted);
        if (chainLoaded && target.isPresent()) {
            tree.select(target.get());
            pendingReveal = null;
        }
    }

    private static Optional<ZnodeEntry> findEntry(ZnodeTreeState state, String path) {
        return state.childrenOf(parentOf(path)).stream().filter(entry -> entry.path().equals(path)).findFirst();
    }

    private void open(String path) {
        openPath = Optional.of(path);
        nodeModel.open(path);
        profileName().ifPresent(name -> getUI().ifPresent(ui -> {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("connection", name);
            parameters.put("path", path);
            String route = RouteConfiguration.forSessionScope().getUrl(BrowseView.class);
            ui.getPage().getHistory().replaceState(null, new Location(route, QueryParameters.simple(parameters)));
        }));
    }

    private Optional<String> profileName() {
        return connection.state().profile().map(ConnectionProfile::name);
    }

    private void askCreate(String parent) {
        if (editor == null) {
            return;
        }
        CreateNodeDialog dialog = new CreateNodeDialog(parent);
        dialog.addCreateListener(request -> editor.create(request.parent, request.name, request.mode,
                request.data, request.ttlMillis).thenAccept(outcome -> {
                    announce(outcome);
                    treeModel.expand(request.parent);
                }));
        dialog.open();
    }

    private void askDelete(String path, boolean recursive) {
        if (editor == null) {
            return;
        }
        if (!recursive) {
            confirmDelete(path, false, "Delete " + path + "? This cannot be undone.");
            return;
        }
        editor.countForDelete(path).whenComplete((count, failure) -> {
            if (failure != null) {
                announce(new Outcome(Optional.empty(),
                        Optional.of(Problem.of("Counting the nodes below " + path,
                                failure))));
            } else {
                confirmDelete(path, true, "Delete " + path + " and everything below it: " + count
                        + (count == 1 ? " node" : " nodes") + " in all. This cannot be undone.");
            }
        });
    }

    private void confirmDelete(String path, boolean recursive, String question) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-delete");
        confirm.setHeader(recursive ? "Delete recursively?" : "Delete node?");
        confirm.setText(question);
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(yes -> editor.delete(path, recursive).thenAccept(outcome -> {
            announce(outcome);
            if (outcome.succeeded()) {
                openPath = Optional.empty();
                node.unbind();
                node.bind(nodeModel, () -> shownConflict = null);
                treeModel.expand(parentOf(path));
            }
        }));
        confirm.open();
    }

    private void announce(Outcome outcome) {
        Notification notification = outcome.succeeded()
                ? Notification.show(outcome.done().orElseThrow(), 4000, Notification.Position.BOTTOM_START)
                : Notification.show(outcome.problem().orElseThrow().summary(), 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(outcome.succeeded() ? NotificationVariant.LUMO_SUCCESS
                : NotificationVariant.LUMO_ERROR);
    }

    private void withTree(java.util.function.Consumer<ZnodeTreeModel> action) {
        if (treeModel != null) {
            action.accept(treeModel);
        }
    }

    private static HorizontalLayout kinds(ZnodeEntry entry) {
        HorizontalLayout badges = new HorizontalLayout();
        badges.setSpacing(false);
        badges.getStyle().set("gap", "var(--lumo-space-xs)");
        if (entry.ephemeral()) {
            badges.add(badge("ephemeral"));
        }
        if (entry.sequential()) {
            badges.add(badge("sequential"));
        }
        return badges;
    }

    private static Span badge(String text) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge small contrast");
        return badge;
    }

    private static String label(ZnodeSort order) {
        return switch (order) {
            case NAME -> "Sort by name";
            case CREATED -> "Sort by creation";
            case MODIFIED -> "Sort by last change";
            case SIZE -> "Sort by size";
        };
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        return Optional.ofNullable(parameters.get(name)).flatMap(values -> values.stream().findFirst())
                .filter(value -> !value.isBlank());
    }

    static List<String> ancestorsOf(String path) {
        List<String> ancestors = new ArrayList<>();
        ancestors.add("/");
        int slash = path.indexOf('/', 1);
        while (slash > 0) {
            ancestors.add(path.substring(0, slash));
            slash = path.indexOf('/', slash + 1);
        }
        return ancestors;
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
