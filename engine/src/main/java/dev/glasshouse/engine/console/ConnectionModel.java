package dev.glasshouse.engine.console;

import dev.glasshouse.engine.client.ClientConfig;
import dev.glasshouse.engine.client.SessionState;
import dev.glasshouse.engine.client.Subscription;
import dev.glasshouse.engine.client.ZkClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Connection behaviour shared by both consoles: connect with a profile (adding digest credentials
 * first), show the session's state honestly as it changes, disconnect, and reconnect after expiry.
 * Command methods and listeners run on the UI thread.
 */
public final class ConnectionModel implements AutoCloseable {
    private final Executor background;
    private final Executor ui;
    private final List<Consumer<ConnectionState>> listeners = new CopyOnWriteArrayList<>();
    private ConnectionState state = ConnectionState.NONE;
    private Optional<ZkClient> client = Optional.empty();
    private Optional<Subscription> subscription = Optional.empty();

    public ConnectionModel(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    public ConnectionState state() {
        return state;
    }

    /** The client of the current connection, for building the other models. */
    public Optional<ZkClient> client() {
        return client;
    }

    public Runnable subscribe(Consumer<ConnectionState> listener) {
        listeners.add(listener);
        listener.accept(state);
        return () -> listeners.remove(listener);
    }

    public void connect(ConnectionProfile profile) {
        disconnect();
        publish(new ConnectionState(Optional.of(profile), ConnectionStatus.CONNECTING, 0, Optional.empty()));
        ZkClient connected;
        try {
            connected = ZkClient.connect(ClientConfig.of(profile.connectString(), profile.sessionTimeoutMillis()));
        } catch (IllegalArgumentException e) {
            publish(new ConnectionState(Optional.of(profile), ConnectionStatus.DISCONNECTED, 0,
                    Optional.of(new Problem("Connecting to " + profile.connectString() + " failed: the connect string"
                            + " is not valid. Use host:port[,host:port...][/chroot].", e.getMessage()))));
            return;
        }
        client = Optional.of(connected);
        // Credentials are queued before any request, so they are sent right after the handshake.
        profile.digestCredentials().ifPresent(credentials -> connected.addAuth("digest",
                credentials.getBytes(StandardCharsets.UTF_8)));
        subscription = Optional.of(connected.subscribe(session -> ui.execute(() -> changed(connected, session))));
        changed(connected, connected.state());
    }

    private void changed(ZkClient source, SessionState session) {
        if (client.isEmpty() || client.get() != source) {
            return;
        }
        ConnectionStatus status = switch (session) {
            case CONNECTING -> ConnectionStatus.CONNECTING;
            case CONNECTED -> ConnectionStatus.CONNECTED;
            case CONNECTED_READ_ONLY -> ConnectionStatus.READ_ONLY;
            case DISCONNECTED -> ConnectionStatus.RECONNECTING;
            case EXPIRED -> ConnectionStatus.EXPIRED;
            case AUTH_FAILED -> ConnectionStatus.AUTH_FAILED;
            case CLOSED -> ConnectionStatus.CLOSED;
        };
        long sessionId = session.isConnected() ? source.sessionId() : state.sessionId();
        publish(new ConnectionState(state.profile(), status, sessionId, Optional.empty()));
    }

    /** Starts a new session with the same profile, e.g. after the old one expired. */
    public void reconnect() {
        state.profile().ifPresent(this::connect);
    }

    public void disconnect() {
        subscription.ifPresent(Subscription::cancel);
        subscription = Optional.empty();
        client.ifPresent(old -> background.execute(old::close));
        client = Optional.empty();
        if (state.profile().isPresent()) {
            publish(new ConnectionState(state.profile(), ConnectionStatus.CLOSED, 0, Optional.empty()));
        }
    }

    private void publish(ConnectionState next) {
        state = next;
        listeners.forEach(listener -> listener.accept(next));
    }

    @Override
    public void close() {
        disconnect();
    }
}
