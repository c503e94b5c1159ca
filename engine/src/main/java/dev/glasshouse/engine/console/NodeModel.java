package dev.glasshouse.engine.console;

import dev.glasshouse.engine.client.AclAndStat;
import dev.glasshouse.engine.client.NodeData;
import dev.glasshouse.engine.client.ZkClient;
import dev.glasshouse.engine.client.ZkException;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.Stat;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Node panel behaviour shared by both consoles: load a znode's data, Stat and ACL; view the data
 * as text (any charset), JSON, hex or base64; save edits as a compare-and-set on the loaded
 * version, and on a lost race show the server's newer value so the user can overwrite or discard.
 * Command methods are called on the UI thread; listeners run on the UI thread.
 */
public final class NodeModel {
    private static final long TIMEOUT_SECONDS = 10;

    private final ZkClient client;
    private final Executor background;
    private final Executor ui;
    private final AuditSink audit;
    private final String user;
    private final String connection;
    private final DataRenderer renderer = new DataRenderer();
    private final StatExplainer explainer;
    private final List<Consumer<NodeView>> listeners = new CopyOnWriteArrayList<>();
    private byte[] data = new byte[0];
    private NodeView view;

    public NodeModel(ConsoleContext context, AuditSink audit, ZoneId zone) {
        this.client = context.client();
        this.background = context.background();
        this.ui = context.ui();
        this.user = context.user();
        this.connection = context.connection();
        this.audit = audit;
        this.explainer = new StatExplainer(zone);
        this.view = new NodeView("", false, Optional.empty(), List.of(), List.of(), DataFormat.TEXT,
                StandardCharsets.UTF_8, renderer.render(data, DataFormat.TEXT, StandardCharsets.UTF_8), false,
                Optional.empty(), Optional.empty());
    }

    public NodeView view() {
        return view;
    }

    public Runnable subscribe(Consumer<NodeView> listener) {
        listeners.add(listener);
        listener.accept(view);
        return () -> listeners.remove(listener);
    }

    /** Loads a node; the viewer format is detected from its bytes. */
    public void open(String path) {
        publish(new NodeView(path, true, Optional.empty(), List.of(), List.of(), view.format(), view.charset(),
                view.rendered(), false, Optional.empty(), Optional.empty()));
        background.execute(() -> {
            try {
                NodeData loaded = client.getData(path).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                AclAndStat acl = client.getAcl(path).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                ui.execute(() -> showLoaded(path, loaded, acl));
            } catch (Exception e) {
                ui.execute(() -> failed(path, Problem.of("Reading " + path, e)));
            }
        });
    }

    private void showLoaded(String path, NodeData loaded, AclAndStat acl) {
        data = loaded.data();
        DataFormat format = renderer.detect(data);
        publish(new NodeView(path, false, Optional.of(loaded.stat()), explainer.explain(loaded.stat()), acl.acl(),
                format, view.charset(), renderer.render(data, format, view.charset()),
                !ProtectedPaths.isProtected(path), Optional.empty(), Optional.empty()));
    }

    /** Shows the same bytes in another format (the user's override of the detected one). */
    public void showAs(DataFormat format) {
        publish(with(format, view.charset()));
    }

    public void useCharset(Charset charset) {
        publish(with(view.format(), charset));
    }

    /**
     * Saves text typed in the current format, conditional on the version that was loaded. JSON
     * must parse, hex and base64 must decode; otherwise nothing is sent and the problem is shown.
     */
    public void save(String text) {
        String path = view.path();
        if (!view.editable() || view.stat().isEmpty()) {
            publish(withProblem(ProtectedPaths.refusal("Saving", path)));
            return;
        }
        Optional<byte[]> encoded = encode(text);
        if (encoded.isEmpty()) {
            return;
        }
        write(path, text, encoded.get(), view.stat().get().version());
    }

    /** Resolves a conflict by writing the user's text over the server's newer value. */
    public void overwrite() {
        view.conflict().ifPresent(conflict -> encode(conflict.yourText())
                .ifPresent(bytes -> write(view.path(), conflict.yourText(), bytes, conflict.serverStat().version())));
    }

    /** Resolves a conflict by keeping the server's value. */
    public void discardMine() {
        open(view.path());
    }

    private void write(String path, String text, byte[] bytes, int version) {
        byte[] before = data;
        background.execute(() -> {
            try {
                client.setData(path, bytes, version).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                audit.record(new AuditSink.Edit(user, connection, "set", path, before, bytes));
                ui.execute(() -> open(path));
            } catch (Exception e) {
                if (isBadVersion(e)) {
                    loadConflict(path, text);
                } else {
                    ui.execute(() -> publish(withProblem(Problem.of("Saving " + path, e))));
                }
            }
        });
    }

    // Runs on the background executor after a lost race: fetch what the server holds now.
    private void loadConflict(String path, String text) {
        try {
            NodeData current = client.getData(path).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            RenderedData server = renderer.render(current.data(), view.format(), view.charset());
            ui.execute(() -> publish(withConflict(new Conflict(text, server, current.stat()))));
        } catch (Exception e) {
            ui.execute(() -> publish(withProblem(Problem.of("Reloading " + path + " after a conflict", e))));
        }
    }

    private Optional<byte[]> encode(String text) {
        Optional<byte[]> bytes = DataEncoding.decode(text, view.format(), view.charset(), renderer);
        if (bytes.isEmpty()) {
            publish(withProblem(new Problem("Saving " + view.path() + " refused: the text is not valid "
                    + view.format() + ". Fix it or switch to text.", DataEncoding.why(text, view.format(), renderer))));
        }
        return bytes;
    }

    private static boolean isBadVersion(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof ZkException zk && zk.code() == ErrorCode.BAD_VERSION;
    }

    private void failed(String path, Problem problem) {
        publish(new NodeView(path, false, Optional.empty(), List.of(), List.of(), view.format(), view.charset(),
                renderer.render(new byte[0], view.format(), view.charset()), false, Optional.empty(),
                Optional.of(problem)));
    }

    private NodeView with(DataFormat format, Charset charset) {
        return new NodeView(view.path(), view.loading(), view.stat(), view.statRows(), view.acl(), format, charset,
                renderer.render(data, format, charset), view.editable(), view.conflict(), view.problem());
    }

    private NodeView withProblem(Problem problem) {
        return new NodeView(view.path(), false, view.stat(), view.statRows(), view.acl(), view.format(),
                view.charset(), view.rendered(), view.editable(), view.conflict(), Optional.of(problem));
    }

    private NodeView withConflict(Conflict conflict) {
        return new NodeView(view.path(), false, view.stat(), view.statRows(), view.acl(), view.format(),
                view.charset(), view.rendered(), view.editable(), Optional.of(conflict), Optional.empty());
    }

    private void publish(NodeView next) {
        view = next;
        listeners.forEach(listener -> listener.accept(next));
    }

    /** The newest Stat of the open node, for views that show only a summary. */
    public Optional<Stat> stat() {
        return view.stat();
    }
}
