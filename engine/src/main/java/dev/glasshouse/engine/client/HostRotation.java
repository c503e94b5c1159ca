package dev.glasshouse.engine.client;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The order in which a client tries the hosts of its connect string: shuffled once, so that
 * clients spread over the ensemble, then round-robin, so that a failing host is left for the
 * next one. Confined to the client's event-loop thread.
 */
final class HostRotation {
    private final List<InetSocketAddress> hosts;
    private int next;

    HostRotation(List<InetSocketAddress> hosts, RandomGenerator random) {
        List<InetSocketAddress> shuffled = new ArrayList<>(hosts);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            shuffled.set(i, shuffled.set(j, shuffled.get(i)));
        }
        this.hosts = List.copyOf(shuffled);
    }

    InetSocketAddress next() {
        InetSocketAddress host = hosts.get(next);
        next = (next + 1) % hosts.size();
        return host;
    }

    int size() {
        return hosts.size();
    }

    /** The shuffled order, for tests and diagnostics. */
    List<InetSocketAddress> order() {
        return hosts;
    }
}
