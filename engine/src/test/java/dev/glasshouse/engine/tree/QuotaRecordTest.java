package dev.glasshouse.engine.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.zookeeper.StatsTrack;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link QuotaRecord} reads and writes limits and stats text exactly as ZooKeeper's StatsTrack. */
class QuotaRecordTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "count=10,bytes=-1", "count=10,bytes=-1=;byteHardLimit=-1;countHardLimit=10",
            "count=3,bytes=7", "bytes=5,count=2", "count=1;;bytes=2,,", "countHardLimit=4",
            "a=1=2,count=0", "x=1,y=2,count=5,bytes=9", "count=1,=2"})
    void rendersLikeStatsTrack(String text) {
        QuotaRecord ours = QuotaRecord.parse(text.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        StatsTrack theirs = new StatsTrack(text);
        assertThat(ours.toString()).isEqualTo(theirs.toString());
        assertThat(ours.get(QuotaRecord.COUNT)).isEqualTo(theirs.getCount());
        assertThat(ours.get(QuotaRecord.BYTE_HARD_LIMIT)).isEqualTo(theirs.getByteHardLimit());
        StatsTrack moved = new StatsTrack(text);
        moved.setCount(moved.getCount() + 1);
        moved.setBytes(moved.getBytes() - 3);
        assertThat(ours.plus(1, -3).toString()).isEqualTo(moved.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {",count=1", "count=x", "=", "count", "count=,bytes=", "count=1,bytes"})
    void rejectsWhatStatsTrackCannotParse(String text) {
        assertThat(QuotaRecord.parse(text.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
