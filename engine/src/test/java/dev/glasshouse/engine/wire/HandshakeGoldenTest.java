package dev.glasshouse.engine.wire;

import static dev.glasshouse.engine.wire.WireSamples.PATH;
import static dev.glasshouse.engine.wire.WireSamples.STAT;
import static dev.glasshouse.engine.wire.WireSamples.referenceStat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The handshake, the headers, Stat and notifications against ZooKeeper 3.9's Jute classes. */
class HandshakeGoldenTest {
    private static final byte[] PASSWORD = {(byte) 0xcf, (byte) 0xc3, 0x42, (byte) 0xc8, (byte) 0xb0, (byte) 0x8a,
        (byte) 0xc2, 0x11, (byte) 0xc5, (byte) 0xf8, (byte) 0xaf, 0x7a, 0x79, 0x32, (byte) 0xac, 0x17};

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void connectRequestMatchesTheReferenceBothWays(boolean readOnly) {
        var ours = new ConnectRequest(0, 0x1f00000007L, 30_000, 0x10000074e730000L, PASSWORD, readOnly, false);
        var reference = new org.apache.zookeeper.proto.ConnectRequest(0, 0x1f00000007L, 30_000,
                0x10000074e730000L, PASSWORD, readOnly);

        byte[] bytes = ReferenceJute.write(reference);

        assertThat(ReferenceJute.ours(ours::write)).isEqualTo(bytes);
        ConnectRequest decoded = ConnectRequest.read(JuteInput.of(bytes));
        assertThat(decoded.readOnly()).isEqualTo(readOnly);
        assertThat(decoded.legacy()).isFalse();
        assertThat(decoded.password()).isEqualTo(PASSWORD);
        Object back = ReferenceJute.read(org.apache.zookeeper.proto.ConnectRequest::new,
                ReferenceJute.ours(ours::write));
        assertThat(back).isEqualTo(reference);
    }

    @Test
    void connectRequestWithoutReadOnlyByteIsLegacyAndReEncodesWithoutIt() {
        byte[] full = ReferenceJute.write(new org.apache.zookeeper.proto.ConnectRequest(0, 5, 4000, 0, new byte[16],
                false));
        byte[] legacy = Arrays.copyOf(full, full.length - 1);

        ConnectRequest decoded = ConnectRequest.read(JuteInput.of(legacy));

        assertThat(decoded.legacy()).isTrue();
        assertThat(decoded.readOnly()).isFalse();
        assertThat(decoded.lastZxidSeen()).isEqualTo(5);
        assertThat(decoded.timeoutMillis()).isEqualTo(4000);
        assertThat(ReferenceJute.ours(decoded::write)).isEqualTo(legacy);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void connectResponseMatchesTheReferenceBothWays(boolean readOnly) {
        var ours = new ConnectResponse(0, 30_000, 0x10000074e730000L, PASSWORD, readOnly, false);
        var reference = new org.apache.zookeeper.proto.ConnectResponse(0, 30_000, 0x10000074e730000L, PASSWORD,
                readOnly);

        byte[] bytes = ReferenceJute.write(reference);

        assertThat(ReferenceJute.ours(ours::write)).isEqualTo(bytes);
        ConnectResponse decoded = ConnectResponse.read(JuteInput.of(bytes));
        assertThat(decoded.readOnly()).isEqualTo(readOnly);
        assertThat(decoded.legacy()).isFalse();
        Object back = ReferenceJute.read(org.apache.zookeeper.proto.ConnectResponse::new,
                ReferenceJute.ours(ours::write));
        assertThat(back).isEqualTo(reference);
    }

    @Test
    void legacyConnectResponseOmitsTheReadOnlyByte() {
        byte[] full = ReferenceJute.write(new org.apache.zookeeper.proto.ConnectResponse(0, 0, 0, new byte[16],
                false));

        byte[] ours = ReferenceJute.ours(ConnectResponse.expired(true)::write);

        assertThat(ours).isEqualTo(Arrays.copyOf(full, full.length - 1));
        assertThat(ConnectResponse.read(JuteInput.of(ours)).legacy()).isTrue();
        assertThat(ReferenceJute.ours(ConnectResponse.expired(false)::write)).isEqualTo(full);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, -1, -2, -4, -8, Integer.MAX_VALUE})
    void headersMatchTheReference(int xid) {
        byte[] request = ReferenceJute.write(new org.apache.zookeeper.proto.RequestHeader(xid, 14));
        byte[] reply = ReferenceJute.write(new org.apache.zookeeper.proto.ReplyHeader(xid, 0x1f0000000aL, -110));

        assertThat(ReferenceJute.ours(new RequestHeader(xid, 14)::write)).isEqualTo(request);
        assertThat(ReferenceJute.ours(new ReplyHeader(xid, 0x1f0000000aL, -110)::write)).isEqualTo(reply);
        assertThat(RequestHeader.read(JuteInput.of(request))).isEqualTo(new RequestHeader(xid, 14));
        assertThat(ReplyHeader.read(JuteInput.of(reply))).isEqualTo(new ReplyHeader(xid, 0x1f0000000aL, -110));
    }

    @Test
    void statIsSixtyEightBytesInReferenceOrder() {
        byte[] reference = ReferenceJute.write(referenceStat(STAT));

        assertThat(reference).hasSize(Stat.WIRE_BYTES);
        assertThat(ReferenceJute.ours(STAT::write)).isEqualTo(reference);
        assertThat(Stat.read(JuteInput.of(reference))).isEqualTo(STAT);
    }

    @Test
    void notificationFrameMatchesTheReference() {
        byte[] reference = ReferenceJute.write(new org.apache.zookeeper.proto.ReplyHeader(-1, 8, 0),
                new org.apache.zookeeper.proto.WatcherEvent(EventType.NODE_DATA_CHANGED.code(),
                        KeeperState.SYNC_CONNECTED.code(), PATH));

        byte[] ours = ReferenceJute.ours(out -> {
            new ReplyHeader(RequestHeader.NOTIFICATION_XID, 8, 0).write(out);
            new WatcherEvent(3, 3, PATH).write(out);
        });

        assertThat(ours).isEqualTo(reference);
        JuteInput in = JuteInput.of(reference);
        assertThat(ReplyHeader.read(in)).isEqualTo(new ReplyHeader(-1, 8, 0));
        assertThat(WatcherEvent.read(in)).isEqualTo(new WatcherEvent(3, 3, PATH));
    }

    /**
     * ZooKeeper's writer encodes each UTF-16 unit on its own (CESU-8), so a character outside the
     * BMP takes 6 bytes where we write standard UTF-8's 4. Its own reader decodes our bytes to the
     * right character and its CESU-8 bytes to replacement characters, so we pin the difference
     * instead of copying a lossy encoding. BMP text, the common case, is byte-identical.
     */
    @Test
    void supplementaryCharactersDifferOnlyInTheWritersSurrogateEncoding() {
        String emoji = "/\uD83D\uDE00";
        var reference = new org.apache.zookeeper.proto.SyncRequest(emoji);

        byte[] theirs = ReferenceJute.write(reference);
        byte[] ours = ReferenceJute.ours(out -> out.writeString(emoji));

        assertThat(theirs).hasSize(4 + 1 + 6);
        assertThat(ours).hasSize(4 + 1 + 4).isEqualTo(ReferenceJute.ours(out -> out.writeBuffer(
                emoji.getBytes(StandardCharsets.UTF_8))));
        assertThat(ReferenceJute.read(org.apache.zookeeper.proto.SyncRequest::new, ours).getPath()).isEqualTo(emoji);
    }
}
