package dev.glasshouse.engine.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.server.StandaloneServer;
import dev.glasshouse.engine.wire.ConnectRequest;
import dev.glasshouse.engine.wire.PathWatchRequest;
import dev.glasshouse.engine.wire.JuteInput;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.ReplyHeader;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client port under abuse: slow handshakes, connection floods and request floods affect only
 * the connection that misbehaves, and outstanding requests are throttled by pausing reads.
 */
class ConnectionHardeningTest {
    private static final byte[] NO_PASSWORD = new byte[16];

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aConnectionThatNeverFinishesItsHandshakeIsClosed(@TempDir Path dir) throws Exception {
        try (StandaloneServer server = HardenedServer.start(dir, 60, 1000);
             RawClient silent = new RawClient(server.clientPort());
             RawClient partial = new RawClient(server.clientPort());
             RawClient good = new RawClient(server.clientPort())) {
            partial.sendRaw(new byte[] {0, 0, 0, 44, 0, 0});
            good.connect(new ConnectRequest(0, 0, 30_000, 0, NO_PASSWORD, false, true));
            assertThat(good.readFrame()).as("the well-behaved client is answered").isPresent();
            assertThat(silent.readFrame()).as("closed after the 1 s handshake bound").isEmpty();
            assertThat(partial.readFrame()).as("a half-sent ConnectRequest is closed too").isEmpty();
            good.request(1, OpCode.EXISTS, new PathWatchRequest("/", false));
            assertThat(good.readFrame()).as("the established session is untouched").isPresent();
            assertThat(HardenedServer.eventually(() -> server.openClientConnections() == 1, Duration.ofSeconds(5)))
                    .isTrue();
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aFloodFromOneAddressIsRefusedBeyondMaxClientCnxns(@TempDir Path dir) throws Exception {
        try (StandaloneServer server = HardenedServer.start(dir, 2, 1000);
             RawClient first = new RawClient(server.clientPort());
             RawClient second = new RawClient(server.clientPort())) {
            // Handshakes first, so the server has surely counted both before the third arrives.
            first.connect(new ConnectRequest(0, 0, 30_000, 0, NO_PASSWORD, false, true));
            assertThat(first.readFrame()).isPresent();
            second.connect(new ConnectRequest(0, 0, 30_000, 0, NO_PASSWORD, false, true));
            assertThat(second.readFrame()).isPresent();
            try (RawClient third = new RawClient(server.clientPort())) {
                assertThat(third.readFrame()).as("the third connection from 127.0.0.1 is closed").isEmpty();
            }
            first.request(1, OpCode.EXISTS, new PathWatchRequest("/", false));
            assertThat(first.readFrame()).as("the first two are untouched").isPresent();
            assertThat(HardenedServer.eventually(() -> server.openClientConnections() == 2, Duration.ofSeconds(5)))
                    .isTrue();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void pipelinedRequestsBeyondTheOutstandingLimitAreAllAnsweredInOrder(@TempDir Path dir) throws Exception {
        int requests = 400;
        try (StandaloneServer server = HardenedServer.start(dir, 60, 4);
             RawClient client = new RawClient(server.clientPort())) {
            client.connect(new ConnectRequest(0, 0, 30_000, 0, NO_PASSWORD, false, true));
            assertThat(client.readFrame()).isPresent();
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(burst);
            for (int xid = 1; xid <= requests; xid++) {
                byte[] frame = dev.glasshouse.engine.wire.RequestCodec.write(
                        new dev.glasshouse.engine.wire.RequestHeader(xid, OpCode.EXISTS.code()), OpCode.EXISTS,
                        new PathWatchRequest("/zookeeper", false));
                out.writeInt(frame.length);
                out.write(frame);
            }
            client.sendRaw(burst.toByteArray());
            for (int xid = 1; xid <= requests; xid++) {
                Optional<byte[]> reply = client.readFrame();
                assertThat(reply).as("reply %d", xid).isPresent();
                ReplyHeader header = ReplyHeader.read(JuteInput.of(reply.get()));
                assertThat(header.xid()).isEqualTo(xid);
                assertThat(header.err()).isZero();
            }
        }
    }

    @Test
    void theThrottlePausesReadsAboveTheLimitAndResumesAtIt() {
        RequestThrottle throttle = new RequestThrottle(2);
        EmbeddedChannel a = new EmbeddedChannel();
        EmbeddedChannel b = new EmbeddedChannel();
        throttle.accepted(a);
        throttle.accepted(b);
        assertThat(a.config().isAutoRead()).isTrue();
        throttle.accepted(b);
        assertThat(b.config().isAutoRead()).as("third outstanding request pauses its connection").isFalse();
        throttle.accepted(a);
        assertThat(a.config().isAutoRead()).isFalse();
        assertThat(throttle.pausedConnections()).isEqualTo(2);
        throttle.finished();
        assertThat(a.config().isAutoRead() || b.config().isAutoRead()).as("still above the limit").isFalse();
        throttle.finished();
        assertThat(a.config().isAutoRead()).isTrue();
        assertThat(b.config().isAutoRead()).isTrue();
        assertThat(throttle.outstanding()).isEqualTo(2);
        throttle.accepted(a);
        throttle.closed(a);
        assertThat(throttle.pausedConnections()).as("a closed connection is forgotten").isZero();
        a.finishAndReleaseAll();
        b.finishAndReleaseAll();
    }

    @Test
    void aZeroLimitNeverPauses() {
        RequestThrottle throttle = RequestThrottle.unlimited();
        EmbeddedChannel channel = new EmbeddedChannel();
        for (int i = 0; i < 10_000; i++) {
            throttle.accepted(channel);
        }
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.finishAndReleaseAll();
    }
}
