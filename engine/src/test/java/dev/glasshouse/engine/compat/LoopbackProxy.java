package dev.glasshouse.engine.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on 127.0.0.1 between clients and a target server, so tests can cut a client
 * off without touching the server: {@link #dropConnections()} simulates a network blip and
 * {@link #setRefusing(boolean)} an outage. Threads: one acceptor plus two pumps per connection.
 */
final class LoopbackProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;

    LoopbackProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not bind a loopback proxy", e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "proxy-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The connect string that routes through this proxy. */
    String connectString() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    /** While refusing, new connections are closed at once and nothing reaches the server. */
    void setRefusing(boolean refusing) {
        this.refusing = refusing;
        if (refusing) {
            dropConnections();
        }
    }

    /** Closes every forwarded connection; clients see a broken socket and reconnect. */
    void dropConnections() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    @Override
    public void close() {
        closeQuietly(listener);
        dropConnections();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (refusing) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // The listener was closed by close(), or one connection failed to open; the
                // client retries on its own, which is exactly what a test wants to observe.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // One side closed; the finally below closes the other so the peer notices too.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing a socket that is already broken has nothing left to release.
        }
    }
}
