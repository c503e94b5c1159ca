package dev.glasshouse.engine.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.request.LeaderRequest;
import dev.glasshouse.engine.wire.EmptyRequest;
import dev.glasshouse.engine.wire.JuteOutput;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.WireFormatException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of peer message survives a round trip, and malformed bytes fail as WireFormatException. */
class PeerCodecTest {
    private static final long SEED = 0x5eed_c0de_2024L;
    private static final int VALUES_PER_KIND = 100;

    static Stream<Arguments> kinds() {
        return PeerEnvelopes.kinds().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyKindRoundTripsForManySeededValues(String kind, Function<PeerEnvelopes, PeerEnvelope> generator) {
        PeerEnvelopes values = new PeerEnvelopes(SEED ^ kind.hashCode());
        for (int i = 0; i < VALUES_PER_KIND; i++) {
            assertRoundTrips(generator.apply(values));
        }
    }

    @ParameterizedTest
    @EnumSource(OpCode.class)
    void aForwardedWriteRoundTripsTheRecordOfEveryOpcode(OpCode op) {
        PeerEnvelopes values = new PeerEnvelopes(SEED + op.code());
        for (int i = 0; i < 20; i++) {
            assertRoundTrips(values.toLeader(values.write(op)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyStrictPrefixOfAnEncodingIsRejected(String kind, Function<PeerEnvelopes, PeerEnvelope> generator) {
        PeerEnvelopes values = new PeerEnvelopes(SEED - kind.hashCode());
        for (int i = 0; i < 10; i++) {
            byte[] frame = PeerCodec.encode(generator.apply(values));
            for (int length = 0; length < frame.length; length++) {
                byte[] prefix = Arrays.copyOf(frame, length);
                assertThatThrownBy(() -> PeerCodec.decode(prefix)).as("%s cut to %d bytes", kind, length)
                        .isInstanceOf(WireFormatException.class);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void trailingBytesAreRejected(String kind, Function<PeerEnvelopes, PeerEnvelope> generator) {
        byte[] frame = PeerCodec.encode(generator.apply(new PeerEnvelopes(SEED)));
        byte[] longer = Arrays.copyOf(frame, frame.length + 1);
        assertThatThrownBy(() -> PeerCodec.decode(longer)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("1 unexpected bytes");
    }

    @Test
    void anUnknownTagIsRejected() {
        byte[] frame = header(99).toByteArray();
        assertThatThrownBy(() -> PeerCodec.decode(frame)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("unknown peer message tag 99");
    }

    @Test
    void anUnknownRoleIsRejected() {
        byte[] frame = header(PeerCodec.NOTIFICATION).writeLong(1).writeLong(2).writeLong(3).writeLong(4).writeInt(7)
                .toByteArray();
        assertThatThrownBy(() -> PeerCodec.decode(frame)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("unknown role code 7");
    }

    @Test
    void anUnknownSyncModeIsRejected() {
        byte[] frame = header(ZabCodec.SYNC_LOG).writeLong(1).writeInt(3).writeLong(0).writeInt(0).toByteArray();
        assertThatThrownBy(() -> PeerCodec.decode(frame)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("unknown SyncLog mode code 3");
    }

    @Test
    void onlyASnapCarriesAStateImage() {
        byte[] frame = header(ZabCodec.SYNC_LOG).writeLong(1).writeInt(0).writeLong(0).writeInt(0)
                .writeBuffer(new byte[5]).toByteArray();
        assertThatThrownBy(() -> PeerCodec.decode(frame)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("DIFF carries a state image; only SNAP does");
    }

    @Test
    void aHugeProposalCountFailsWithoutAllocating() {
        byte[] frame = header(ZabCodec.SYNC_LOG).writeLong(1).writeInt(2).writeLong(0).writeInt(Integer.MAX_VALUE)
                .toByteArray();
        assertThatThrownBy(() -> PeerCodec.decode(frame)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("bad SyncLog proposal count 2147483647");
    }

    @Test
    void aNullListIsRejected() {
        byte[] frame = header(LeaderRequestCodec.TOUCHES).writeInt(-1).toByteArray();
        assertThatThrownBy(() -> PeerCodec.decode(frame)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("touched session count -1");
    }

    @Test
    void aHugePayloadLengthFailsWithoutAllocating() {
        byte[] frame = header(ZabCodec.PROPOSE).writeLong(0x1_0000_0001L).writeInt(Integer.MAX_VALUE - 8)
                .toByteArray();
        assertThatThrownBy(() -> PeerCodec.decode(frame)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("bad buffer length");
    }

    @Test
    void aMissingPasswordIsRejected() {
        byte[] frame = header(LeaderRequestCodec.OPEN_SESSION).writeLong(1).writeInt(30_000).writeInt(-1)
                .toByteArray();
        assertThatThrownBy(() -> PeerCodec.decode(frame)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("missing password");
    }

    @Test
    void aProposalWithoutEpochOrCounterIsMalformedRatherThanABrokenInvariant() {
        byte[] frame = header(ZabCodec.INFORM).writeLong(0x1_0000_0000L).writeBuffer(new byte[3]).toByteArray();
        assertThatThrownBy(() -> PeerCodec.decode(frame)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("has no epoch or counter");
    }

    @Test
    void aForwardedWriteWithAnUnknownOpcodeIsRejected() {
        byte[] frame = header(LeaderRequestCodec.WRITE).writeLong(1).writeInt(2).writeInt(55).writeBuffer(new byte[0])
                .writeInt(0).toByteArray();
        assertThatThrownBy(() -> PeerCodec.decode(frame)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("unknown opcode 55");
    }

    @Test
    void aWriteRecordThatDoesNotFillItsBufferIsRejected() {
        JuteOutput record = new JuteOutput().writeString("/a").writeInt(9);
        byte[] frame = header(LeaderRequestCodec.WRITE).writeLong(1).writeInt(2).writeInt(OpCode.SYNC.code())
                .writeBuffer(record.toByteArray()).writeInt(0).toByteArray();
        assertThatThrownBy(() -> PeerCodec.decode(frame)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("4 unexpected bytes after SYNC request record");
    }

    @Test
    void encodingAWriteWithAnUnknownOpcodeFailsAtTheSender() {
        PeerEnvelope envelope = new PeerEnvelope.ToLeader(MemberId.of(1), MemberId.of(2),
                new LeaderRequest.Write(1, 2, 55, EmptyRequest.INSTANCE, List.of()));
        assertThatThrownBy(() -> PeerCodec.encode(envelope)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown opcode 55");
    }

    @Test
    void randomBytesFailOnlyWithWireFormatException() {
        Random random = new Random(SEED);
        LongStream.range(0, 5_000).forEach(i -> {
            byte[] frame = new byte[random.nextInt(64)];
            random.nextBytes(frame);
            if (frame.length >= 4) {
                frame[3] = (byte) random.nextInt(45);
                frame[0] = frame[1] = frame[2] = 0;
            }
            try {
                PeerCodec.decode(frame);
            } catch (WireFormatException expected) {
                // Rejecting random bytes is the point; anything else escapes and fails the test.
            }
        });
    }

    private static JuteOutput header(int tag) {
        return new JuteOutput().writeInt(tag).writeLong(1).writeLong(2);
    }

    private static void assertRoundTrips(PeerEnvelope envelope) {
        byte[] frame = PeerCodec.encode(envelope);
        PeerEnvelope decoded = PeerCodec.decode(frame);
        assertThat(decoded).as("%s", envelope).usingRecursiveComparison().isEqualTo(envelope);
        assertThat(decoded.isElection()).isEqualTo(envelope.isElection());
        assertThat(PeerCodec.encode(decoded)).as("re-encoding %s", envelope).isEqualTo(frame);
    }
}
