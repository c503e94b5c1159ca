package dev.glasshouse.engine.compat;

import java.util.List;
import java.util.Optional;

/** Finds the first line where two normalised transcripts of the same seeded run disagree. */
final class TranscriptComparer {

    /** Where two transcripts first differ; a missing line is shown as {@code <end of transcript>}. */
    record Mismatch(long seed, int lineIndex, String expectedName, String expectedLine,
                    String actualName, String actualLine) {

        static final String END = "<end of transcript>";

        /** A report a developer can act on: what differed, where, and how to replay it. */
        String describe() {
            return "Differential mismatch for seed " + seed + " at transcript line " + lineIndex + ":\n"
                    + "  " + expectedName + ": " + expectedLine + "\n"
                    + "  " + actualName + ": " + actualLine + "\n"
                    + "Replay with: mvn -pl engine test -Dtest=DifferentialTest -Ddiff.seed=" + seed;
        }
    }

    private TranscriptComparer() {
    }

    static Optional<Mismatch> firstDifference(long seed, Transcript expected, Transcript actual) {
        List<String> left = expected.lines();
        List<String> right = actual.lines();
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            if (!left.get(i).equals(right.get(i))) {
                return Optional.of(new Mismatch(seed, i, expected.targetName(), left.get(i),
                        actual.targetName(), right.get(i)));
            }
        }
        if (left.size() == right.size()) {
            return Optional.empty();
        }
        String leftLine = common < left.size() ? left.get(common) : Mismatch.END;
        String rightLine = common < right.size() ? right.get(common) : Mismatch.END;
        return Optional.of(new Mismatch(seed, common, expected.targetName(), leftLine, actual.targetName(), rightLine));
    }
}
