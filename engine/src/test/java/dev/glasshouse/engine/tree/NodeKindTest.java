package dev.glasshouse.engine.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeKindTest {

    static Stream<Arguments> owners() {
        return Stream.of(
                Arguments.of(0L, NodeKind.PERSISTENT, 0L),
                Arguments.of(0x0100_0000_0000_0001L, NodeKind.EPHEMERAL, 0x0100_0000_0000_0001L),
                Arguments.of(0x7f00_0000_0000_0000L, NodeKind.EPHEMERAL, 0x7f00_0000_0000_0000L),
                Arguments.of(0xFE12_3456_789A_BCDEL, NodeKind.EPHEMERAL, 0xFE12_3456_789A_BCDEL),
                Arguments.of(0x8000_0000_0000_0000L, NodeKind.CONTAINER, 0L),
                Arguments.of(0xFF00_0000_0000_0001L, NodeKind.TTL, 0L),
                Arguments.of(0xFF00_00FF_FFFF_FFFFL, NodeKind.TTL, 0L));
    }

    @ParameterizedTest
    @MethodSource("owners")
    void decodesEphemeralOwnerAndHidesSpecialOwnersFromClients(long owner, NodeKind kind, long visible) {
        assertThat(NodeKind.of(owner)).isEqualTo(kind);
        assertThat(NodeKind.visibleOwner(owner)).isEqualTo(visible);
    }

    @ParameterizedTest
    @MethodSource("ttls")
    void ttlOwnerRoundTrips(long ttlMillis) {
        long owner = NodeKind.ttlOwner(ttlMillis);
        assertThat(owner >>> 56).isEqualTo(0xFFL);
        assertThat(NodeKind.of(owner)).isEqualTo(NodeKind.TTL);
        assertThat(NodeKind.ttlMillis(owner)).isEqualTo(ttlMillis);
    }

    static Stream<Long> ttls() {
        return Stream.of(1L, 1000L, 3_600_000L, NodeKind.MAX_TTL_MILLIS);
    }

    @Test
    void constantsMatchZooKeeperEphemeralType() {
        assertThat(NodeKind.CONTAINER_OWNER).isEqualTo(0x8000_0000_0000_0000L);
        assertThat(NodeKind.TTL_MASK).isEqualTo(0xFF00_0000_0000_0000L);
        assertThat(NodeKind.MAX_TTL_MILLIS).isEqualTo(0xFF_FFFF_FFFFL);
    }
}
