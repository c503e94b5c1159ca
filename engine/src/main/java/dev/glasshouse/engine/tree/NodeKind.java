package dev.glasshouse.engine.tree;

/**
 * What kind of znode an {@code ephemeralOwner} value denotes. ZooKeeper packs containers and TTL
 * nodes into that field ({@code EphemeralType}): {@code 0x8000000000000000} marks a container and
 * a top byte of {@code 0xFF} marks a TTL node whose low 56 bits hold the TTL in milliseconds.
 */
public enum NodeKind {
    PERSISTENT,
    EPHEMERAL,
    CONTAINER,
    TTL;

    public static final long CONTAINER_OWNER = Long.MIN_VALUE;
    public static final long TTL_MASK = 0xFF00_0000_0000_0000L;
    public static final long MAX_TTL_MILLIS = 0x00FF_FFFF_FFFFL;

    public static NodeKind of(long ephemeralOwner) {
        if (ephemeralOwner == 0) {
            return PERSISTENT;
        }
        if (ephemeralOwner == CONTAINER_OWNER) {
            return CONTAINER;
        }
        if ((ephemeralOwner & TTL_MASK) == TTL_MASK) {
            return TTL;
        }
        return EPHEMERAL;
    }

    public static long ttlOwner(long ttlMillis) {
        return TTL_MASK | ttlMillis;
    }

    public static long ttlMillis(long ephemeralOwner) {
        return ephemeralOwner & ~TTL_MASK;
    }

    /** The ephemeralOwner clients see: containers and TTL nodes show 0. */
    public static long visibleOwner(long ephemeralOwner) {
        NodeKind kind = of(ephemeralOwner);
        return kind == EPHEMERAL ? ephemeralOwner : 0;
    }
}
