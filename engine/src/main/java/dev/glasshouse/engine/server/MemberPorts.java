package dev.glasshouse.engine.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * The loopback ports of one local ensemble member: clients, the quorum (ZAB) channel and the
 * election channel. Chosen once by {@link #pick(int)} and kept for the member's life, so a
 * restarted member comes back where its peers and clients expect it. Immutable.
 *
 * @param client   {@code clientPort}
 * @param quorum   first port of the {@code server.N} line, where followers reach the leader
 * @param election second port of the {@code server.N} line, fast leader election
 */
record MemberPorts(int client, int quorum, int election) {

    /**
     * Picks three distinct free loopback ports for each of {@code members} members. Every socket stays
     * open until all are chosen, so no port is handed out twice; another process may still take one
     * before a member binds it, which start-up then reports.
     */
    static List<MemberPorts> pick(int members) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < members * 3; i++) {
                held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            List<MemberPorts> ports = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                ports.add(new MemberPorts(held.get(3 * i).getLocalPort(), held.get(3 * i + 1).getLocalPort(),
                        held.get(3 * i + 2).getLocalPort()));
            }
            return List.copyOf(ports);
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }
}
