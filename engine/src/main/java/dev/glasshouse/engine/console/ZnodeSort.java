package dev.glasshouse.engine.console;

import java.util.Comparator;

/** The orders a tree level can be shown in. */
public enum ZnodeSort {
    NAME(Comparator.comparing(ZnodeEntry::name)),
    CREATED(Comparator.comparingLong(ZnodeEntry::ctime).thenComparing(ZnodeEntry::name)),
    MODIFIED(Comparator.comparingLong(ZnodeEntry::mtime).reversed().thenComparing(ZnodeEntry::name)),
    SIZE(Comparator.comparingInt(ZnodeEntry::dataLength).reversed().thenComparing(ZnodeEntry::name));

    private final Comparator<ZnodeEntry> order;

    ZnodeSort(Comparator<ZnodeEntry> order) {
        this.order = order;
    }

    public Comparator<ZnodeEntry> order() {
        return order;
    }
}
