package dev.glasshouse.console.desktop;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.glasshouse.engine.console.ConnectionModel;
import dev.glasshouse.engine.console.ConnectionProfile;
import dev.glasshouse.engine.console.ConnectionState;
import dev.glasshouse.engine.console.ConnectionStatus;
import dev.glasshouse.engine.console.ConsoleContext;
import dev.glasshouse.engine.console.Problem;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The console's main window and the object graph behind it: background executor, audit trail,
 * connection model, demo ensemble and the views (connection bar, tree | node panel and audit
 * trail, status bar). When a connection's session comes up it builds that connection's models and
 * binds the views to them. Confined to the FX thread, except {@link #close()}.
 */
final class ConsoleWindow {
    private final ConsoleSettings settings;
    private final ExecutorService background = Executors.newFixedThreadPool(4, daemonThreads());
    private final ConnectionModel connection = new ConnectionModel(background, Platform::runLater);
    private final DemoEnsemble demo = new DemoEnsemble();
    private final AuditHistory audit;
    private Optional<ConnectedSession> session = Optional.empty();
    private ConnectionStatus lastStatus = ConnectionStatus.DISCONNECTED;
    private StatusBarView status;
    private ConnectionView connectionView;
    private ZnodeTreeView tree;
    private NodePanelView node;
    private AuditView auditView;
    private EditActions edits;

    ConsoleWindow(ConsoleSettings settings) {
        this.settings = settings;
        this.audit = AuditHistory.open(settings.dataDir());
    }

    void show(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        status = new StatusBarView(this::darkTheme);
        edits = new EditActions(stage, status);
        connectionView = new ConnectionView(connection::connect, connection::disconnect, this::startDemo);
        ConsoleMenus menus = new ConsoleMenus(new ConsoleMenus.Actions(this::newChild, this::save, this::deleteSelected,
                this::refresh, this::copySelectedPath, () -> tree.focusFilter(), this::startDemo, stage::close));
        tree = new ZnodeTreeView(this::open, edits::delete, menus.treeContextMenu());
        node = new NodePanelView(this::copyPath, stage);
        auditView = new AuditView(audit, background, Platform::runLater);
        Tab nodeTab = new Tab("Node", node.node());
        Tab auditTab = new Tab("Audit trail", auditView.node());
        auditTab.setOnSelectionChanged(event -> auditView.refresh());
        TabPane tabs = new TabPane(nodeTab, auditTab);
        tabs.setId("main-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(tree.node(), tabs);
        split.setDividerPositions(0.34);
        BorderPane root = new BorderPane(split, new VBox(menus.menuBar(), connectionView.node()), null,
                status.node(), null);
        Scene scene = new Scene(root, 1100, 680);
        scene.getStylesheets().add(ConsoleWindow.class.getResource("console.css").toExternalForm());
        stage.setTitle("Glasshouse console");
        stage.setScene(scene);
        connection.subscribe(this::connectionChanged);
        audit.problem().ifPresent(status::showProblem);
        stage.show();
        settings.connectString().ifPresent(text -> {
            connectionView.fill(text, settings.digest());
            ConnectionProfile profile = ConnectionProfile.of(text, text);
            connection.connect(settings.digest().map(profile::withDigest).orElse(profile));
        });
        if (settings.demo()) {
            startDemo();
        }
    }

    /** Closes the connection, the demo ensemble's members and the audit trail. Safe on any thread. */
    void close() {
        connection.close();
        background.shutdown();
        demo.close();
        audit.close();
    }

    private void connectionChanged(ConnectionState state) {
        status.showConnection(state);
        connectionView.showConnection(state);
        var client = connection.client();
        if (session.isPresent() && (client.isEmpty() || client.get() != session.get().client())) {
            endSession();
        }
        boolean connected = state.status() == ConnectionStatus.CONNECTED
                || state.status() == ConnectionStatus.READ_ONLY;
        if (connected && session.isEmpty() && client.isPresent()) {
            String name = state.profile().map(ConnectionProfile::name).orElse("");
            ConsoleContext context = new ConsoleContext(client.get(), name, background, Platform::runLater,
                    settings.user());
            ConnectedSession started = ConnectedSession.start(context, audit.sink(), ZoneId.systemDefault());
            session = Optional.of(started);
            tree.bind(started.tree());
            node.bind(started.node());
            edits.bind(started.editor(), started.tree());
        } else if (connected && lastStatus == ConnectionStatus.RECONNECTING) {
            // Changes made while the connection was down produced no events: reload what is shown.
            session.ifPresent(s -> s.tree().refresh());
        }
        lastStatus = state.status();
    }

    private void endSession() {
        session = Optional.empty();
        tree.unbind();
        node.unbind();
        edits.unbind();
    }

    private void open(String path) {
        session.ifPresent(s -> s.node().open(path));
    }

    private void startDemo() {
        connectionView.demoStarting(true);
        status.showMessage("Starting a local demo ensemble (Glasshouse members as child processes on 127.0.0.1)…");
        background.execute(() -> {
            try {
                String connectString = demo.start();
                Platform.runLater(() -> {
                    connectionView.demoStarting(false);
                    connectionView.fill(connectString, Optional.empty());
                    status.showMessage("Demo ensemble running at " + connectString + "; it stops when the console"
                            + " closes.");
                    connection.connect(ConnectionProfile.of("Local demo ensemble", connectString));
                });
            } catch (Exception e) {
                Platform.runLater(() -> {
                    connectionView.demoStarting(false);
                    status.showProblem(Problem.of("Starting the local demo ensemble", e));
                });
            }
        });
    }

    private void newChild() {
        edits.newChild(tree.selectedPath().orElse("/"));
    }

    private void save() {
        node.save();
    }

    private void deleteSelected() {
        tree.selectedPath().ifPresent(edits::delete);
    }

    private void refresh() {
        session.ifPresent(s -> {
            s.tree().refresh();
            node.openPath().ifPresent(s.node()::open);
        });
        auditView.refresh();
    }

    private void copySelectedPath() {
        tree.selectedPath().ifPresent(this::copyPath);
    }

    private void copyPath(String path) {
        ClipboardContent content = new ClipboardContent();
        content.putString(path);
        Clipboard.getSystemClipboard().setContent(content);
        status.showMessage("Copied " + path + " to the clipboard.");
    }

    private void darkTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "console-background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
