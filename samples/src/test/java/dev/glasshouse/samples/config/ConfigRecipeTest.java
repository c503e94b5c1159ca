package dev.glasshouse.samples.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.testing.RecipeTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A configuration znode followed live by many processes. */
@Timeout(60)
abstract class ConfigRecipeTest extends RecipeTest {

    @Test
    void everyFollowerEndsOnTheLatestVersionAndNeverGoesBack() throws Exception {
        String path = root + "/config/app";
        SharedConfig operator = new SharedConfig(participant("operator"), path);
        operator.publish("pool.size=0");
        List<SharedConfig> followers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SharedConfig follower = new SharedConfig(participant("f" + i), path);
            follower.follow();
            followers.add(follower);
        }
        for (int version = 1; version <= 15; version++) {
            operator.publish("pool.size=" + version);
        }
        for (SharedConfig follower : followers) {
            assertThat(follower.awaitVersion(15, deadline()).text()).isEqualTo("pool.size=15");
            assertThat(follower.versionsSeen()).isSorted().doesNotHaveDuplicates().startsWith(0).endsWith(15);
            assertThat(follower.wakeUps()).isLessThanOrEqualTo(15);
        }
    }

    @Test
    void aFollowerIsWokenOnlyByItsOwnConfiguration() throws Exception {
        SharedConfig operator = new SharedConfig(participant("operator"), root + "/config/app");
        SharedConfig otherApp = new SharedConfig(participant("other"), root + "/config/other");
        operator.publish("a");
        SharedConfig follower = new SharedConfig(participant("follower"), root + "/config/app");
        follower.follow();
        for (int i = 0; i < 5; i++) {
            otherApp.publish("other " + i);
        }
        operator.publish("b");   // arrives after every earlier notification would have
        assertThat(follower.awaitVersion(1, deadline()).text()).isEqualTo("b");
        assertThat(follower.wakeUps()).isEqualTo(1);
    }

    @Test
    void aFollowerStartedBeforeTheFirstPublishAndARestartedOneBothGetTheCurrentValue() throws Exception {
        String path = root + "/config/app";
        SharedConfig early = new SharedConfig(participant("early"), path);
        early.follow();
        assertThat(early.current()).isEmpty();
        Participant restarting = participant("restarting");
        new SharedConfig(restarting, path).follow();
        SharedConfig operator = new SharedConfig(participant("operator"), path);
        operator.publish("first");
        assertThat(early.awaitVersion(0, deadline()).text()).isEqualTo("first");

        crash(restarting);
        operator.publish("second");
        SharedConfig restarted = new SharedConfig(participant("restarting"), path);
        restarted.follow();
        assertThat(restarted.current()).hasValueSatisfying(value -> assertThat(value.text()).isEqualTo("second"));
        assertThat(early.awaitVersion(1, deadline()).text()).isEqualTo("second");
    }
}
