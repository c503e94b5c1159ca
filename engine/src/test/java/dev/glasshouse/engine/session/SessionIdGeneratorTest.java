package dev.glasshouse.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionIdGeneratorTest {

    @ParameterizedTest(name = "member {0} at {1}")
    @CsvSource({
        "0, 0, 0x0000000000000000",
        "1, 0, 0x0100000000000000",
        "1, 1, 0x0100000000010000",
        "1, 0x74e73, 0x010000074e730000",
        "254, 0x74e73, 0xfe0000074e730000",
        "3, 0xffffffffffff, 0x03ffffffffff0000",
        "3, 0x7fffffffffffffff, 0x03ffffffffff0000"
    })
    void firstIdHasMemberInTopByteAndTimeBelow(int member, String start, String first) {
        SessionIdGenerator ids = new SessionIdGenerator(member, Long.decode(start.replace("0x", "#")));
        long expected = Long.parseUnsignedLong(first.substring(2), 16);

        assertThat(Long.toHexString(ids.next())).isEqualTo(Long.toHexString(expected));
        assertThat(ids.next()).isEqualTo(expected + 1);
        assertThat(ids.next()).isEqualTo(expected + 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 17, 254})
    void idsNeverLookLikeContainerOrTtlOwners(int member) {
        long id = new SessionIdGenerator(member, Long.MAX_VALUE).next();

        assertThat(id >>> 56).isEqualTo(member);
        assertThat(id).isNotEqualTo(Long.MIN_VALUE);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 255, 1000})
    void rejectsMemberIdsThatDoNotFitBelowTheTtlMarker(int member) {
        assertThatThrownBy(() -> new SessionIdGenerator(member, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "recovered {0}")
    @CsvSource({
        "0x0100000000050000, 0x0100000000050001",
        "0x0100000000000005, 0x0100000000010000",
        "0x0200000000090000, 0x0100000000010000"
    })
    void idsIssuedAfterRecoveryNeverCollideWithRecoveredOnes(String recovered, String next) {
        SessionIdGenerator ids = new SessionIdGenerator(1, 1);
        ids.skipPast(Long.decode(recovered));
        assertThat(ids.next()).isEqualTo(Long.parseUnsignedLong(next.substring(2), 16));
    }
}
