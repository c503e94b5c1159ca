package dev.glasshouse.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparer must notice any planted difference and say how to replay it. */
class TranscriptComparerTest {

    private static final List<String> LINES = List.of(
            "#0 Create[session=0, path=/a] -> OK /a {cz=z1 mz=z1 pz=z1 v=0}",
            "  event s1 NodeCreated /a",
            "#1 Delete[session=2, path=/a, version=3] -> BADVERSION");

    @Test
    void identicalTranscriptsHaveNoDifference() {
        var left = new Transcript("reference#0", LINES);
        var right = new Transcript("reference#1", LINES);

        assertThat(TranscriptComparer.firstDifference(7, left, right)).isEmpty();
    }

    @Test
    void changedLineIsReportedWithSeedIndexBothLinesAndReplayCommand() {
        var left = new Transcript("reference#0", LINES);
        var right = new Transcript("glasshouse#1", List.of(LINES.get(0), "  event s1 NodeDataChanged /a", LINES.get(2)));

        var mismatch = TranscriptComparer.firstDifference(7, left, right).orElseThrow();

        assertThat(mismatch.lineIndex()).isEqualTo(1);
        assertThat(mismatch.describe())
                .contains("seed 7", "line 1", "reference#0:   event s1 NodeCreated /a",
                        "glasshouse#1:   event s1 NodeDataChanged /a",
                        "mvn -pl engine test -Dtest=DifferentialTest -Ddiff.seed=7");
    }

    @Test
    void missingEventAtTheEndIsReportedAsEndOfTranscript() {
        var left = new Transcript("reference#0", LINES);
        var right = new Transcript("glasshouse#1", LINES.subList(0, 2));

        var mismatch = TranscriptComparer.firstDifference(7, left, right).orElseThrow();

        assertThat(mismatch.lineIndex()).isEqualTo(2);
        assertThat(mismatch.actualLine()).isEqualTo(TranscriptComparer.Mismatch.END);
    }

    @Test
    void extraLineOnTheOtherSideIsAlsoADifference() {
        var left = new Transcript("reference#0", LINES.subList(0, 1));
        var right = new Transcript("glasshouse#1", LINES);

        assertThat(TranscriptComparer.firstDifference(7, left, right))
                .hasValueSatisfying(m -> assertThat(m.expectedLine()).isEqualTo(TranscriptComparer.Mismatch.END));
    }
}
