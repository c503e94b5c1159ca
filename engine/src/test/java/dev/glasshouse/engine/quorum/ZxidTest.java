package dev.glasshouse.engine.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZxidTest {
    @ParameterizedTest(name = "epoch {0} counter {1} is {2}")
    @CsvSource({"0, 0, 0x0", "0x1f, 2, 0x1f00000002", "1, 0xffffffff, 0x1ffffffff",
        "0x7fffffff, 0, 0x7fffffff00000000"})
    void packsEpochHighAndCounterLowAndShowsHex(String epoch, String counter, String hex) {
        Zxid zxid = Zxid.of(Long.decode(epoch), Long.decode(counter));

        assertThat(zxid).hasToString(hex);
        assertThat(zxid.epoch()).isEqualTo(Long.decode(epoch));
        assertThat(zxid.counter()).isEqualTo(Long.decode(counter));
    }

    @ParameterizedTest(name = "({0},{1}) after ({2},{3}): {4}")
    @CsvSource({"2, 0, 1, 0xffffffff, true", "1, 5, 1, 4, true", "1, 4, 1, 4, false", "0, 9, 1, 0, false"})
    void everyNewEpochOrdersAfterTheOldEpochsTransactions(long e1, long c1, long e2, long c2, boolean after) {
        assertThat(Zxid.of(e1, c1).isAfter(Zxid.of(e2, c2))).isEqualTo(after);
    }

    @ParameterizedTest(name = "epoch {0} counter {1}")
    @CsvSource({"-1, 0", "0x80000000, 0", "0, -1", "0, 0x100000000"})
    void rejectsOutOfRangeParts(String epoch, String counter) {
        assertThatThrownBy(() -> Zxid.of(Long.decode(epoch), Long.decode(counter)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("out of range");
    }
}
