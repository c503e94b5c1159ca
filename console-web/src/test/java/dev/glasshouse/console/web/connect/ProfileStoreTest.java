package dev.glasshouse.console.web.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glasshouse.engine.console.ConnectionProfile;
import org.junit.jupiter.api.Test;

class ProfileStoreTest {

    @Test
    void parsesProfilesWithFailoverHostsAndChroot() {
        ProfileStore store = ProfileStore.parse("local=127.0.0.1:2181; prod=zk1:2181,zk2:2181,zk3:2181/app");

        assertThat(store.all()).extracting(ConnectionProfile::name).containsExactly("local", "prod");
        assertThat(store.find("prod").orElseThrow().connectString()).isEqualTo("zk1:2181,zk2:2181,zk3:2181/app");
        assertThat(store.preferred().orElseThrow().name()).isEqualTo("local");
    }

    @Test
    void demoIsPreferredOnceItRunsAndSameNameReplaces() {
        ProfileStore store = ProfileStore.parse("local=127.0.0.1:2181");
        store.put(ConnectionProfile.of(ProfileStore.DEMO, "127.0.0.1:40000"));
        store.put(ConnectionProfile.of(ProfileStore.DEMO, "127.0.0.1:40001"));

        assertThat(store.preferred().orElseThrow().connectString()).isEqualTo("127.0.0.1:40001");
        assertThat(store.all()).hasSize(2);
    }

    @Test
    void entryWithoutNameIsRefused() {
        assertThatThrownBy(() -> ProfileStore.parse("127.0.0.1:2181")).hasMessageContaining("name=host:port");
    }
}
