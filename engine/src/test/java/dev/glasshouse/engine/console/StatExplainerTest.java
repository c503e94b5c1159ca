package dev.glasshouse.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.wire.Stat;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatExplainerTest {
    @Test
    void explainsEveryFieldWithZxidsSplitIntoEpochAndCounter() {
        Stat stat = new Stat(0x100000002L, 0x200000005L, 1_700_000_000_000L, 1_700_000_001_500L, 3, 4, 1,
                0x1234L, 5, 2, 0x200000004L);

        List<StatRow> rows = new StatExplainer(ZoneOffset.UTC).explain(stat);

        assertThat(rows).extracting(StatRow::name).containsExactly("czxid", "mzxid", "pzxid", "ctime", "mtime",
                "version", "cversion", "aversion", "ephemeralOwner", "dataLength", "numChildren");
        assertThat(rows.get(0).value()).isEqualTo("0x100000002 (epoch 1, counter 2)");
        assertThat(rows.get(3).value()).isEqualTo("2023-11-14 22:13:20.000 Z");
        assertThat(rows.get(8).value()).isEqualTo("session 0x1234");
        assertThat(rows.get(9).value()).isEqualTo("5 bytes");
        assertThat(rows).allSatisfy(row -> assertThat(row.meaning()).isNotBlank());
    }

    @Test
    void zeroTimesAndOwnersReadAsAbsent() {
        Stat root = new Stat(0, 0, 0, 0, 0, -1, 0, 0, 0, 1, 0);

        List<StatRow> rows = new StatExplainer(ZoneOffset.UTC).explain(root);

        assertThat(rows.get(3).value()).isEqualTo("-");
        assertThat(rows.get(8).value()).isEqualTo("none (not ephemeral)");
    }
}
