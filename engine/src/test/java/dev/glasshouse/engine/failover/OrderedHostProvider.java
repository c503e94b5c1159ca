package dev.glasshouse.engine.failover;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;

/**
 * A host provider for the official client that tries members in the given order instead of a
 * random one, so a test knows which member its client sits on first. Used by the client's thread.
 */
final class OrderedHostProvider implements org.apache.zookeeper.client.HostProvider {
    private final List<InetSocketAddress> members;
    private int next;

    OrderedHostProvider(List<Integer> clientPorts) {
        this.members = clientPorts.stream().map(port -> new InetSocketAddress("127.0.0.1", port)).toList();
    }

    @Override
    public int size() {
        return members.size();
    }

    @Override
    public synchronized InetSocketAddress next(long spinDelayMillis) {
        // No spin delay: the client already waits between reconnect attempts, and refused connections
        // to a killed member are cheap.
        InetSocketAddress address = members.get(next);
        next = (next + 1) % members.size();
        return address;
    }

    @Override
    public void onConnected() {
    }

    @Override
    public boolean updateServerList(Collection<InetSocketAddress> serverAddresses, InetSocketAddress currentHost) {
        return false;
    }
}
