package dev.glasshouse.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bytes a broken or hostile peer might send: every way of cutting a valid record short, negative
 * and oversized lengths, forged vector counts and random noise. Each must fail with
 * {@link WireFormatException} (so only that connection closes), never with another exception and
 * never by allocating what a forged length asks for.
 */
class MalformedInputTest {

    static Stream<Arguments> truncatedRequests() {
        return RequestGoldenTest.cases().map(c -> Arguments.of(c, ReferenceJute.write(c.reference())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truncatedRequests")
    void everyTruncationOfARequestIsAWireFormatException(RequestGoldenTest.Case c, byte[] whole) {
        for (int length = 0; length < whole.length; length++) {
            byte[] prefix = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> RequestCodec.read(c.op(), JuteInput.of(prefix)))
                    .as("%s cut to %d of %d bytes", c, length, whole.length)
                    .isInstanceOf(WireFormatException.class);
        }
    }

    static Stream<Arguments> truncatedResponses() {
        return ResponseGoldenTest.cases().map(c -> Arguments.of(c, ReferenceJute.write(c.reference())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truncatedResponses")
    void everyTruncationOfAResponseIsAWireFormatException(ResponseGoldenTest.Case c, byte[] whole) {
        for (int length = 0; length < whole.length; length++) {
            byte[] prefix = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> ResponseCodec.read(c.op(), JuteInput.of(prefix)))
                    .as("%s cut to %d of %d bytes", c, length, whole.length)
                    .isInstanceOf(WireFormatException.class);
        }
    }

    @Test
    void connectRequestShorterThanThePre34LayoutIsAWireFormatException() {
        byte[] legacy = Arrays.copyOf(GoldenFixtureTest.fixture("connect-request"), 4 + 44);
        byte[] body = Arrays.copyOfRange(legacy, 4, legacy.length);

        for (int length = 0; length < body.length; length++) {
            byte[] prefix = Arrays.copyOf(body, length);
            assertThatThrownBy(() -> ConnectRequest.read(JuteInput.of(prefix))).as("cut to %d bytes", length)
                    .isInstanceOf(WireFormatException.class);
        }
        assertThat(ConnectRequest.read(JuteInput.of(body)).legacy()).isTrue();
    }

    static Stream<Arguments> forgedLengths() {
        return Stream.of(
                forged("buffer length -2", in -> in.readBuffer(), 0xfffffffe),
                forged("buffer length below -1", in -> in.readBuffer(), 0x80000000),
                forged("buffer longer than the frame", in -> in.readBuffer(), 5, 'a', 'b'),
                forged("huge buffer", in -> in.readBuffer(), 0x7fffffff),
                forged("string length -5", in -> in.readString(), 0xfffffffb),
                forged("huge string", in -> in.readString(), 0x7fffffff, 'x'),
                forged("string vector count -2", in -> in.readStringVector(), 0xfffffffe),
                forged("huge string vector", in -> in.readStringVector(), 0x7fffffff),
                forged("string vector larger than the frame", in -> in.readStringVector(), 3, 0, 0),
                forged("huge ACL vector", Acl::readList, 0x7fffffff),
                forged("ACL vector larger than the frame", Acl::readList, 2, 0, 0, 0),
                forged("huge whoAmI vector", WhoAmIResponse::read, 0x10000000),
                forged("huge children vector in getChildren2", Children2Response::read, 0x7ffffff0),
                forged("negative data length in setData", in -> SetDataRequest.read(in), 0, 0xfffffff0, 0));
    }

    /** A forged input: ints written big-endian, then single bytes as given. */
    private static Arguments forged(String name, Function<JuteInput, ?> reader, int first, int... rest) {
        JuteOutput out = new JuteOutput().writeInt(first);
        for (int value : rest) {
            out.writeInt(value);
        }
        return Arguments.of(name, reader, out.toByteArray());
    }

    private static Arguments forged(String name, Function<JuteInput, ?> reader, int length, char... chars) {
        JuteOutput out = new JuteOutput().writeInt(length);
        for (char c : chars) {
            out.writeRaw(new byte[] {(byte) c});
        }
        return Arguments.of(name, reader, out.toByteArray());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedLengths")
    void forgedLengthIsAWireFormatExceptionWithoutAllocating(String name, Function<JuteInput, ?> reader,
                                                               byte[] bytes) {
        assertThatThrownBy(() -> reader.apply(JuteInput.of(bytes))).isInstanceOf(WireFormatException.class);
    }

    @Test
    void nullVectorsAndBuffersReadAsEmptyOrNull() {
        byte[] minusOne = new JuteOutput().writeInt(-1).toByteArray();

        assertThat(JuteInput.of(minusOne).readBuffer()).isNull();
        assertThat(JuteInput.of(minusOne).readStringVector()).isEmpty();
        assertThat(Acl.readList(JuteInput.of(minusOne))).isEmpty();
    }

    @Test
    void operationNotAllowedInsideMultiIsAWireFormatException() {
        byte[] sync = ReferenceJute.ours(out -> {
            new MultiHeader(OpCode.SYNC.code(), false, -1).write(out);
            new PathRequest("/a").write(OpCode.SYNC, out);
            MultiHeader.END.write(out);
        });
        byte[] unknown = ReferenceJute.ours(out -> new MultiHeader(77, false, -1).write(out));

        assertThatThrownBy(() -> MultiRequest.read(JuteInput.of(sync))).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> MultiRequest.read(JuteInput.of(unknown))).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> MultiResponse.read(JuteInput.of(unknown))).isInstanceOf(WireFormatException.class);
    }

    @Test
    void multiWithoutEndMarkerIsAWireFormatException() {
        byte[] noEnd = ReferenceJute.ours(out -> {
            new MultiHeader(OpCode.DELETE.code(), false, -1).write(out);
            new DeleteRequest("/a", -1).write(OpCode.DELETE, out);
        });

        assertThatThrownBy(() -> MultiRequest.read(JuteInput.of(noEnd))).isInstanceOf(WireFormatException.class);
    }

    /** Seeded noise, so a failure replays; every opcode's decoder either succeeds or says the bytes are bad. */
    @ParameterizedTest
    @EnumSource(OpCode.class)
    void randomBytesNeverEscapeAsAnotherException(OpCode op) {
        SplittableRandom random = new SplittableRandom(0x5eed + op.ordinal());
        List<byte[]> inputs = IntStream.range(0, 300).mapToObj(i -> {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            return bytes;
        }).toList();

        for (byte[] bytes : inputs) {
            assertDecodesOrRejects(() -> RequestCodec.read(op, JuteInput.of(bytes)), bytes);
            assertDecodesOrRejects(() -> ResponseCodec.read(op, JuteInput.of(bytes)), bytes);
        }
    }

    private static void assertDecodesOrRejects(Runnable decode, byte[] bytes) {
        try {
            decode.run();
        } catch (WireFormatException expected) {
            // Rejected cleanly: this is what the network layer turns into closing the connection.
        } catch (RuntimeException e) {
            throw new AssertionError("decoding " + ReferenceJute.hex(bytes) + " threw " + e, e);
        }
    }
}
