package dev.glasshouse.engine.request;

import dev.glasshouse.engine.wire.Id;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which ZooKeeper iterates a connection's identities: they live in a set backed by a
 * {@code ConcurrentHashMap}, so whoAmI lists them, and {@code auth} ACLs expand them, in hash-bucket
 * order of the Jute {@code Id.hashCode}, ties in insertion order. Exact while a connection holds
 * fewer than 12 identities (the map's first resize); beyond that ties may differ. Stateless.
 */
final class AuthInfoOrder {
    private static final int FIRST_RESIZE = 12;

    private AuthInfoOrder() {
    }

    /** The identities, given in the order they were added, in ZooKeeper's iteration order. */
    static List<Id> of(List<Id> inInsertionOrder) {
        int tableSize = 16;
        int threshold = FIRST_RESIZE;
        while (inInsertionOrder.size() >= threshold) {
            tableSize *= 2;
            threshold = tableSize - (tableSize >>> 2);
        }
        int mask = tableSize - 1;
        List<Id> ordered = new ArrayList<>(inInsertionOrder);
        // List.sort is stable, which keeps insertion order inside a bucket.
        ordered.sort(Comparator.comparingInt(id -> spread(juteHash(id)) & mask));
        return ordered;
    }

    // The hash Jute generates for the Id record.
    private static int juteHash(Id id) {
        int result = 17;
        result = 37 * result + id.scheme().hashCode();
        return 37 * result + id.id().hashCode();
    }

    // ConcurrentHashMap.spread: fold the high bits in, keep the sign bit clear.
    private static int spread(int hash) {
        return (hash ^ (hash >>> 16)) & 0x7fffffff;
    }
}
