package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.Stat;
import java.util.List;

/** getChildren2: the child names (in the server's order, unsorted) and the parent's Stat. Immutable. */
public record ChildrenAndStat(List<String> children, Stat stat) {
    public ChildrenAndStat {
        children = List.copyOf(children);
    }
}
