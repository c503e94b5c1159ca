package dev.glasshouse.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.testing.ZooKeeperServers;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ConnectionModelTest {
    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();
    private ConnectionModel model;

    @BeforeEach
    void subscribe() throws Exception {
        model = new ConnectionModel(background, ui);
        ui.submit(() -> model.subscribe(states::add)).get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        ui.submit(model::close).get(5, TimeUnit.SECONDS);
        ui.shutdown();
        background.shutdown();
    }

    private ConnectionState awaitStatus(ConnectionStatus status) throws InterruptedException {
        return await(state -> state.status() == status);
    }

    private ConnectionState await(Predicate<ConnectionState> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            ConnectionState next = states.poll(100, TimeUnit.MILLISECONDS);
            if (next != null && condition.test(next)) {
                return next;
            }
        }
        throw new AssertionError("no matching state; last: " + model.state());
    }

    @Test
    void showsConnectingThenConnectedThenReconnectingWhenTheServerGoes() throws Exception {
        ZooKeeperServers.Running server = ZooKeeperServers.glasshouse(dir, 200);
        ConnectionProfile profile = ConnectionProfile.of("demo", server.connectString()).withDigest("teacher:secret");

        ui.submit(() -> model.connect(profile)).get(5, TimeUnit.SECONDS);
        awaitStatus(ConnectionStatus.CONNECTING);
        ConnectionState connected = awaitStatus(ConnectionStatus.CONNECTED);
        assertThat(connected.sessionId()).isNotZero();
        assertThat(connected.sessionText()).startsWith("0x");
        assertThat(connected.profile()).contains(profile);

        server.close();
        ConnectionState lost = awaitStatus(ConnectionStatus.RECONNECTING);
        assertThat(lost.status().text()).contains("reconnecting");

        ui.submit(model::disconnect).get(5, TimeUnit.SECONDS);
        awaitStatus(ConnectionStatus.CLOSED);
        assertThat(model.client()).isEmpty();
    }

    @Test
    void anInvalidConnectStringIsExplained() throws Exception {
        ui.submit(() -> model.connect(ConnectionProfile.of("bad", "no-port-here:abc"))).get(5, TimeUnit.SECONDS);

        ConnectionState failed = await(state -> state.problem().isPresent());

        assertThat(failed.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(failed.problem()).hasValueSatisfying(problem ->
                assertThat(problem.summary()).contains("connect string is not valid"));
    }
}
