package dev.glasshouse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glasshouse.engine.client.ZkClient;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.CreateMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The demo ensemble the consoles start: real member JVMs on loopback, killed with SIGKILL. */
@Timeout(90)
class LocalEnsembleTest {
    @TempDir
    Path dir;

    @Test
    void startsAStandaloneMemberProcessThatServesKillsItAndRestartsIt() throws Exception {
        try (LocalEnsemble ensemble = LocalEnsemble.start(dir, 1)) {
            assertThat(ensemble.connectString()).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(ensemble.mode(1)).contains("standalone");
            assertThat(ensemble.pid(1)).isPresent();
            assertThat(Files.readString(dir.resolve("member-1/data/myid")).trim()).isEqualTo("1");
            assertThat(Files.readString(dir.resolve("member-1/zoo.cfg"))).doesNotContain("server.1");
            try (ZkClient client = ZkClient.connect(ensemble.connectString(), 10_000)) {
                client.connected().get(20, TimeUnit.SECONDS);
                assertThat(client.create("/demo", new byte[0], Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)
                        .get(10, TimeUnit.SECONDS).path()).isEqualTo("/demo");
            }
            ensemble.kill(1);
            assertThat(ensemble.isRunning(1)).isFalse();
            assertThat(ensemble.pid(1)).isEmpty();
            assertThat(ensemble.mode(1)).isEmpty();
            assertThat(ensemble.leaderId()).isEmpty();

            ensemble.restart(1);
            assertThat(ensemble.isRunning(1)).isTrue();
            try (ZkClient client = ZkClient.connect(ensemble.connectString(), 10_000)) {
                client.connected().get(20, TimeUnit.SECONDS);
                assertThat(client.getChildren("/").get(10, TimeUnit.SECONDS)).contains("demo", "zookeeper");
            }
            ensemble.stop(1);
            assertThat(ensemble.isRunning(1)).isFalse();
        }
    }

    @Test
    void writesServerLinesMyidAndObserverTypeForEachMemberOfAnEnsemble() throws Exception {
        List<MemberPorts> ports = MemberPorts.pick(3);
        List<LocalMember> members = List.of(new LocalMember(1, dir.resolve("member-1"), ports.get(0)),
                new LocalMember(2, dir.resolve("member-2"), ports.get(1)),
                new LocalMember(3, dir.resolve("member-3"), ports.get(2)));
        List<String> serverLines = MemberConfig.serverLines(members, 2);
        members.get(2).writeConfig(MemberConfig.lines(members.get(2), serverLines, true, OptionalInt.of(40)));

        String config = Files.readString(dir.resolve("member-3/zoo.cfg"));
        assertThat(config).contains(
                "server.1=127.0.0.1:" + ports.get(0).quorum() + ":" + ports.get(0).election() + ";127.0.0.1:"
                        + ports.get(0).client() + "\n",
                "server.3=127.0.0.1:" + ports.get(2).quorum() + ":" + ports.get(2).election() + ":observer;127.0.0.1:"
                        + ports.get(2).client(),
                "peerType=observer", "clientPort=" + ports.get(2).client(), "tickTime=500", "initLimit=10",
                "syncLimit=5", "forceSync=yes", "4lw.commands.whitelist=*", "admin.enableServer=false",
                "standaloneEnabled=false", "snapCount=40");
        assertThat(Files.readString(dir.resolve("member-3/data/myid")).trim()).isEqualTo("3");
        assertThat(ports.stream().flatMap(p -> Stream.of(p.client(), p.quorum(), p.election()))
                .distinct()).hasSize(9);
    }

    @Test
    void readsTheModeLineOfSrvr() {
        assertThat(MemberProbe.parseMode("Zookeeper version: 3.9\nZxid: 0x0\nMode: follower\nNode count: 4\n"))
                .contains("follower");
        assertThat(MemberProbe.parseMode("This ZooKeeper instance is not currently serving requests\n")).isEmpty();
    }

    @Test
    void refusesAnEnsembleWithoutVoters() {
        assertThatThrownBy(() -> LocalEnsemble.start(dir, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
