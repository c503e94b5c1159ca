package dev.glasshouse.engine.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the znode tree shows, immutable: the children of every expanded path (already filtered
 * and sorted), the paths still loading, the sort order and filter, whether live updates are
 * paused, and the last problem.
 */
public record ZnodeTreeState(Map<String, List<ZnodeEntry>> children, Set<String> loading, ZnodeSort sort,
                             String filter, boolean livePaused, Optional<Problem> problem) {

    public static final ZnodeTreeState EMPTY = new ZnodeTreeState(Map.of(), Set.of(), ZnodeSort.NAME, "", false,
            Optional.empty());

    /** The visible children of an expanded path, or empty when it is not expanded. */
    public List<ZnodeEntry> childrenOf(String path) {
        return children.getOrDefault(path, List.of());
    }

    public boolean isExpanded(String path) {
        return children.containsKey(path);
    }
}
