package dev.glasshouse.engine.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.server.StandaloneServer;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.AuthPacket;
import dev.glasshouse.engine.wire.ConnectRequest;
import dev.glasshouse.engine.wire.CreateRequest;
import dev.glasshouse.engine.wire.DeleteRequest;
import dev.glasshouse.engine.wire.JuteOutput;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.PathWatchRequest;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.RequestCodec;
import dev.glasshouse.engine.wire.RequestHeader;
import dev.glasshouse.engine.wire.SetAclRequest;
import dev.glasshouse.engine.wire.SetDataRequest;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throws malformed and mutated frames (bit flips, truncation, length lies, oversized and negative
 * lengths, huge counts, random opcodes, requests before the handshake, garbage) at a live server,
 * each on its own connection, while the official ZooKeeper client keeps writing and reading back
 * values it verifies. The server must keep serving, the client must always read what it wrote, and
 * the connection counts must return to the client's own. Seeded: {@code -Dfuzz.seed=},
 * {@code -Dfuzz.runs=} (default 300).
 */
class WireFuzzTest {
    private static final byte[] NO_PASSWORD = new byte[16];

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void malformedFramesNeverHurtTheServerOrOtherClients(@TempDir Path dir) throws Exception {
        long seed = Long.getLong("fuzz.seed", 20240607L);
        int runs = Integer.getInteger("fuzz.runs", 300);
        Random random = new Random(seed);
        try (StandaloneServer server = HardenedServer.start(dir, 0, 1000)) {
            ZooKeeper zk = connect(server.clientPort());
            try {
                zk.create("/verified", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                zk.create("/fuzz", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                for (int run = 0; run < runs; run++) {
                    fuzzOnce(server.clientPort(), random);
                    if (run % 10 == 0) {
                        String value = "value-" + run;
                        zk.setData("/verified", value.getBytes(StandardCharsets.UTF_8), -1);
                        assertThat(new String(zk.getData("/verified", false, null), StandardCharsets.UTF_8))
                                .as("seed %d run %d", seed, run).isEqualTo(value);
                    }
                }
                assertThat(HardenedServer.eventually(() -> server.openClientConnections() == 1, Duration.ofSeconds(10)))
                        .as("sockets back to the client's own (seed %d), now %d", seed, server.openClientConnections())
                        .isTrue();
                assertThat(HardenedServer.eventually(() -> HardenedServer.memberConnections(server) == 1,
                        Duration.ofSeconds(10))).as("member connections back to one (seed %d)", seed).isTrue();
                assertThat(zk.exists("/verified", false)).isNotNull();
            } finally {
                zk.close();
            }
        }
    }

    private static ZooKeeper connect(int port) throws Exception {
        java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper("127.0.0.1:" + port, 2000, event -> {
            if (event.getState() == org.apache.zookeeper.Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
        return zk;
    }

    /** One connection: maybe a handshake and a valid request, then one mutated frame, then EOF. */
    private static void fuzzOnce(int port, Random random) throws IOException {
        byte[] handshake = connectFrame(random);
        byte[] request = RequestCodec.write(new RequestHeader(1 + random.nextInt(100), 0), OpCode.EXISTS,
                new PathWatchRequest("/", false));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        boolean beforeHandshake = random.nextInt(8) == 0;
        if (!beforeHandshake) {
            frame(out, random.nextInt(10) == 0 ? mutate(handshake, random) : handshake);
            if (random.nextBoolean()) {
                frame(out, withOpcode(request, OpCode.EXISTS));
            }
        }
        byte[] valid = validRequest(random);
        switch (random.nextInt(9)) {
            case 0 -> frame(out, mutate(valid, random));
            case 1 -> frame(out, java.util.Arrays.copyOf(valid, random.nextInt(valid.length)));
            case 2 -> {
                out.writeInt(valid.length + 1 + random.nextInt(100));
                out.write(valid);
            }
            case 3 -> out.writeInt(random.nextBoolean() ? -1 - random.nextInt(1000) : 0xfffff + 1 + random.nextInt(1 << 20));
            case 4 -> frame(out, withOpcode(valid, random.nextInt(300) - 150));
            case 5 -> frame(out, hugeCount(valid, random));
            case 6 -> {
                byte[] garbage = new byte[random.nextInt(64)];
                random.nextBytes(garbage);
                out.write(garbage);
            }
            case 7 -> frame(out, mutate(mutate(valid, random), random));
            default -> frame(out, valid);
        }
        exchange(port, bytes.toByteArray());
    }

    // Sends everything, half-closes, and drains until the server closes (or 5 s pass, which fails).
    private static void exchange(int port, byte[] bytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            try {
                socket.getOutputStream().write(bytes);
                socket.shutdownOutput();
            } catch (IOException e) {
                return; // The server closed first, which is one of the allowed outcomes.
            }
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[4096];
            try {
                while (in.read(sink) >= 0) {
                    // Replies to whatever decoded are discarded; only the close matters.
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("server neither answered nor closed a fuzzed connection within 5 s", e);
            } catch (IOException e) {
                // A reset after the server closed also ends the exchange.
            }
        }
    }

    private static byte[] connectFrame(Random random) {
        JuteOutput out = new JuteOutput();
        new ConnectRequest(0, 0, 200 + random.nextInt(2000), 0, NO_PASSWORD, false, random.nextBoolean()).write(out);
        return out.toByteArray();
    }

    private static byte[] validRequest(Random random) {
        String path = "/fuzz/n" + random.nextInt(20);
        int xid = 2 + random.nextInt(1000);
        List<Acl> open = Acl.OPEN_ACL_UNSAFE;
        return switch (random.nextInt(7)) {
            case 0 -> write(xid, OpCode.CREATE, new CreateRequest(path, new byte[] {1, 2}, open, 0, -1));
            case 1 -> write(xid, OpCode.SET_DATA, new SetDataRequest(path, new byte[] {3}, -1));
            case 2 -> write(xid, OpCode.DELETE, new DeleteRequest(path, -1));
            case 3 -> write(xid, OpCode.GET_DATA, new PathWatchRequest(path, true));
            case 4 -> write(xid, OpCode.SET_ACL, new SetAclRequest(path, open, -1));
            case 5 -> write(-4, OpCode.AUTH, new AuthPacket(0, "digest", "u:p".getBytes(StandardCharsets.UTF_8)));
            default -> write(xid, OpCode.GET_CHILDREN, new PathWatchRequest("/fuzz", false));
        };
    }

    private static byte[] write(int xid, OpCode op, RequestBody body) {
        return RequestCodec.write(new RequestHeader(xid, op.code()), op, body);
    }

    private static byte[] mutate(byte[] frame, Random random) {
        byte[] copy = frame.clone();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private static byte[] withOpcode(byte[] frame, int opcode) {
        byte[] copy = frame.clone();
        ByteBuffer.wrap(copy).putInt(4, opcode);
        return copy;
    }

    private static byte[] withOpcode(byte[] frame, OpCode op) {
        return withOpcode(frame, op.code());
    }

    // Overwrites one int-aligned field after the header with a huge length or count.
    private static byte[] hugeCount(byte[] frame, Random random) {
        byte[] copy = frame.clone();
        if (copy.length >= 12) {
            int at = 8 + 4 * random.nextInt((copy.length - 8) / 4);
            ByteBuffer.wrap(copy).putInt(at, random.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE + 1);
        }
        return copy;
    }

    private static void frame(DataOutputStream out, byte[] body) throws IOException {
        out.writeInt(body.length);
        out.write(body);
    }
}
