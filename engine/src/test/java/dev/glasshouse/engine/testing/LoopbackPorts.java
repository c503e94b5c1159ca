package dev.glasshouse.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free loopback ports for tests that must write a configuration before anything binds. Asking the
 * kernel for one port at a time can hand the same port out twice once its probe socket closes, which
 * an ensemble config then rejects; so every probe socket here stays open until the whole batch is
 * chosen.
 */
public final class LoopbackPorts {
    private LoopbackPorts() {
    }

    /** {@code count} distinct ports that were free a moment ago. */
    public static int[] distinct(int count) {
        List<ServerSocket> held = new ArrayList<>(count);
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // A probe socket that fails to close still frees its port when the JVM drops it.
                }
            }
        }
    }

    /** One port that was free a moment ago. */
    public static int one() {
        return distinct(1)[0];
    }
}
