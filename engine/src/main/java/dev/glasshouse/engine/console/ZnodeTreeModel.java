package dev.glasshouse.engine.console;

import dev.glasshouse.engine.client.WatchEvent;
import dev.glasshouse.engine.client.ZkClient;
import dev.glasshouse.engine.wire.AddWatchMode;
import dev.glasshouse.engine.wire.Stat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Znode tree behaviour shared by both consoles: lazy children with counts and kinds, sort,
 * filter-as-you-type, and live updates through one persistent-recursive watch that can be paused.
 * Command methods are called on the UI thread; loading happens on the background executor and its
 * result is published back on the UI executor, so listeners always run on the UI thread.
 */
public final class ZnodeTreeModel {
    private static final long TIMEOUT_SECONDS = 10;

    private final ZkClient client;
    private final Executor background;
    private final Executor ui;
    private final List<Consumer<ZnodeTreeState>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, List<ZnodeEntry>> loaded = new HashMap<>();
    private final Set<String> loading = new HashSet<>();
    private ZnodeSort sort = ZnodeSort.NAME;
    private String filter = "";
    private boolean livePaused;
    private Optional<Problem> problem = Optional.empty();
    private ZnodeTreeState state = ZnodeTreeState.EMPTY;

    public ZnodeTreeModel(ConsoleContext context) {
        this.client = context.client();
        this.background = context.background();
        this.ui = context.ui();
    }

    public ZnodeTreeState state() {
        return state;
    }

    /** Registers a listener for every new state; the returned runnable unsubscribes it. */
    public Runnable subscribe(Consumer<ZnodeTreeState> listener) {
        listeners.add(listener);
        listener.accept(state);
        return () -> listeners.remove(listener);
    }

    /** Loads (or reloads) the children of a path and shows them. */
    public void expand(String path) {
        loading.add(path);
        publish();
        background.execute(() -> {
            Loaded result = load(path);
            ui.execute(() -> finish(path, result));
        });
    }

    public void collapse(String path) {
        String prefix = path.equals("/") ? "/" : path + "/";
        loaded.keySet().removeIf(expanded -> expanded.equals(path) || expanded.startsWith(prefix));
        publish();
    }

    /** Reloads every expanded path. */
    public void refresh() {
        new ArrayList<>(loaded.keySet()).forEach(this::expand);
    }

    public void sortBy(ZnodeSort order) {
        sort = order;
        publish();
    }

    /**
     * Shows only loaded nodes whose name contains the text (ignoring case), together with their
     * ancestors so a match deeper down stays reachable; an empty text shows everything.
     */
    public void filter(String text) {
        filter = text == null ? "" : text.strip();
        publish();
    }

    /** Starts following changes below the root; expanded levels reload when their children change. */
    public void followChanges() {
        client.addWatch("/", this::changed, AddWatchMode.PERSISTENT_RECURSIVE)
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        ui.execute(() -> fail(Problem.of("Following changes", failure)));
                    }
                });
    }

    /** While paused, changes are not applied; resuming reloads what is shown. */
    public void pauseLiveUpdates(boolean paused) {
        livePaused = paused;
        publish();
        if (!paused) {
            refresh();
        }
    }

    private void changed(WatchEvent event) {
        if (event.path() == null || event.path().equals("/")) {
            return;
        }
        String parent = parentOf(event.path());
        ui.execute(() -> {
            if (!livePaused && loaded.containsKey(parent)) {
                expand(parent);
            }
        });
    }

    private record Loaded(List<ZnodeEntry> entries, Optional<Problem> problem) {
    }

    // Runs on the background executor: blocking calls with a deadline, never on the UI thread.
    private Loaded load(String path) {
        try {
            List<String> names = client.getChildren(path).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, CompletableFuture<Optional<Stat>>> stats = new HashMap<>();
            for (String name : names) {
                stats.put(name, client.exists(childOf(path, name)));
            }
            List<ZnodeEntry> entries = new ArrayList<>(names.size());
            for (String name : names) {
                // A child deleted between the two calls is simply not shown.
                stats.get(name).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .ifPresent(stat -> entries.add(ZnodeEntry.of(childOf(path, name), name, stat)));
            }
            return new Loaded(entries, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Loaded(List.of(), Optional.of(Problem.of("Listing " + path, e)));
        } catch (Exception e) {
            return new Loaded(List.of(), Optional.of(Problem.of("Listing " + path, e)));
        }
    }

    private void finish(String path, Loaded result) {
        loading.remove(path);
        if (result.problem().isPresent()) {
            loaded.remove(path);
            fail(result.problem().get());
            return;
        }
        loaded.put(path, result.entries());
        problem = Optional.empty();
        publish();
    }

    private void fail(Problem failure) {
        problem = Optional.of(failure);
        publish();
    }

    private void publish() {
        Map<String, List<ZnodeEntry>> visible = new HashMap<>();
        Set<String> matching = matchingWithAncestors(filter.toLowerCase(Locale.ROOT));
        loaded.forEach((path, entries) -> visible.put(path, entries.stream()
                .filter(entry -> filter.isEmpty() || matching.contains(entry.path()))
                .sorted(sort.order())
                .toList()));
        state = new ZnodeTreeState(Map.copyOf(visible), Set.copyOf(loading), sort, filter, livePaused, problem);
        listeners.forEach(listener -> listener.accept(state));
    }

    // A match deeper down keeps its ancestors visible, so the filter never hides the way to it.
    private Set<String> matchingWithAncestors(String needle) {
        Set<String> matching = new HashSet<>();
        loaded.values().forEach(entries -> entries.stream()
                .filter(entry -> entry.name().toLowerCase(Locale.ROOT).contains(needle))
                .forEach(entry -> {
                    for (String path = entry.path(); !path.equals("/"); path = parentOf(path)) {
                        matching.add(path);
                    }
                }));
        return matching;
    }

    private static String childOf(String parent, String name) {
        return parent.equals("/") ? "/" + name : parent + "/" + name;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
