package dev.glasshouse.engine.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EpochFilesTest {
    @TempDir
    Path dir;

    private EpochFiles epochs() throws IOException {
        return new EpochFiles(new FileDisk(dir));
    }

    @Test
    void missingFilesReadAsZero() throws IOException {
        EpochFiles epochs = epochs();

        assertThat(epochs.acceptedEpoch()).isZero();
        assertThat(epochs.currentEpoch()).isZero();
    }

    @Test
    void writtenEpochsReadBackAndAreDecimalTextAsZooKeeperWritesThem() throws IOException {
        EpochFiles epochs = epochs();

        epochs.writeAcceptedEpoch(12);
        epochs.writeCurrentEpoch(11);
        epochs.writeAcceptedEpoch(4_294_967_295L);

        assertThat(epochs().acceptedEpoch()).isEqualTo(4_294_967_295L);
        assertThat(epochs().currentEpoch()).isEqualTo(11);
        assertThat(Files.readString(dir.resolve("acceptedEpoch"))).isEqualTo("4294967295");
        assertThat(Files.readString(dir.resolve("currentEpoch"))).isEqualTo("11");
        assertThat(dir.resolve("currentEpoch.tmp")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7\n", "7", " 7 \r\n", "07"})
    void readsFilesWrittenByZooKeeperOrByHand(String content) throws IOException {
        Files.writeString(dir.resolve("currentEpoch"), content, StandardCharsets.US_ASCII);

        assertThat(epochs().currentEpoch()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "seven", "-1", "+1", "1.5", "4294967296", "99999999999999999999", "1 2"})
    void malformedFileNamesItselfAndSaysWhatToDo(String content) throws IOException {
        Path file = dir.resolve("acceptedEpoch");
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        EpochFiles epochs = epochs();

        assertThatThrownBy(epochs::acceptedEpoch).isInstanceOf(CorruptEpochException.class)
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("Epoch file " + file + " holds \"" + content.strip() + "\", not an epoch")
                .hasMessageContaining("move the data directory aside and restart the member");
    }

    @Test
    void aTemporaryFileLeftByACrashIsReplaced() throws IOException {
        Files.writeString(dir.resolve("currentEpoch.tmp"), "garbage");
        EpochFiles epochs = epochs();

        epochs.writeCurrentEpoch(3);

        assertThat(epochs.currentEpoch()).isEqualTo(3);
    }

    @Test
    void anEpochOutsideThirtyTwoBitsIsRefused() throws IOException {
        EpochFiles epochs = epochs();

        assertThatThrownBy(() -> epochs.writeCurrentEpoch(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> epochs.writeCurrentEpoch(1L << 32)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void aCrashAtAnyStepLeavesTheOldOrTheNewEpoch(long seed) throws IOException {
        int steps = stepsOfOneWrite();
        for (int step = 0; step <= steps; step++) {
            SimDisk disk = new SimDisk(new SplittableRandom(seed * 100 + step));
            new EpochFiles(disk).writeAcceptedEpoch(5);
            disk.crashAfter(step);
            try {
                new EpochFiles(disk).writeAcceptedEpoch(6);
            } catch (SimDisk.CrashedException e) {
                // The machine stopped part way through the write.
            }
            disk.crash();

            long read = new EpochFiles(disk).acceptedEpoch();
            assertThat(read).as("crash at step %d of %d", step, steps).isIn(5L, 6L);
            if (step == steps) {
                assertThat(read).isEqualTo(6);
            }
            new EpochFiles(disk).writeAcceptedEpoch(7);
            assertThat(new EpochFiles(disk).acceptedEpoch()).isEqualTo(7);
        }
    }

    private static int stepsOfOneWrite() throws IOException {
        SimDisk disk = new SimDisk(new SplittableRandom(0));
        new EpochFiles(disk).writeAcceptedEpoch(5);
        int before = disk.operations();
        new EpochFiles(disk).writeAcceptedEpoch(6);
        return disk.operations() - before;
    }
}
