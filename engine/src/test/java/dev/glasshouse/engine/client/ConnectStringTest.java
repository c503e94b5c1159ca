package dev.glasshouse.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectStringTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("127.0.0.1:2181", List.of("127.0.0.1:2181"), ""),
                Arguments.of("localhost", List.of("localhost:2181"), ""),
                Arguments.of("a:1,b:2,c:3", List.of("a:1", "b:2", "c:3"), ""),
                Arguments.of("a:1,b:2/app", List.of("a:1", "b:2"), "/app"),
                Arguments.of("a:1/app/sub", List.of("a:1"), "/app/sub"),
                Arguments.of("a:1/", List.of("a:1"), ""),
                Arguments.of(" a:1 , b:2 ", List.of("a:1", "b:2"), ""),
                Arguments.of("[::1]:2182,[fe80::1]", List.of("::1:2182", "fe80::1:2181"), ""));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parsesHostsPortsAndChroot(String text, List<String> hosts, String chroot) {
        ConnectString parsed = ConnectString.parse(text);

        assertThat(parsed.hosts()).extracting(h -> h.getHostString() + ":" + h.getPort())
                .containsExactlyElementsOf(hosts);
        assertThat(parsed.chroot()).isEqualTo(chroot);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",", "a:x", "a:0", "a:70000", ":2181", "a:1/app/", "a:1/app//b", "a:1/./b",
            "[::1:2181", "/app"})
    void rejectsMalformedConnectStrings(String text) {
        assertThatThrownBy(() -> ConnectString.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostsAreUnresolvedUntilConnecting() {
        assertThat(ConnectString.parse("example.invalid:2181").hosts().get(0).isUnresolved()).isTrue();
    }

    @Test
    void seededShuffleIsRepeatableAndRotatesThroughEveryHost() {
        List<InetSocketAddress> hosts = ConnectString.parse("a:1,b:2,c:3,d:4,e:5").hosts();

        HostRotation first = new HostRotation(hosts, new SplittableRandom(42));
        HostRotation second = new HostRotation(hosts, new SplittableRandom(42));

        assertThat(first.order()).isEqualTo(second.order()).containsExactlyInAnyOrderElementsOf(hosts);
        List<InetSocketAddress> visited = Stream.generate(first::next).limit(10).toList();
        assertThat(visited.subList(0, 5)).isEqualTo(first.order()).isEqualTo(visited.subList(5, 10));
    }

    @Test
    void chrootIsPrefixedOnSendAndStrippedOnReceive() {
        Chroot chroot = new Chroot("/app");

        assertThat(chroot.toServer("/")).isEqualTo("/app");
        assertThat(chroot.toServer("/a/b")).isEqualTo("/app/a/b");
        assertThat(chroot.toClient("/app")).isEqualTo("/");
        assertThat(chroot.toClient("/app/a")).isEqualTo("/a");
        assertThat(chroot.toClient("/apple")).isEqualTo("/apple");
        assertThat(new Chroot("").toServer("/a")).isEqualTo("/a");
    }

    @Test
    void sequentialPathsMayEndWithSlashOthersMayNot() {
        ZnodePath.validate("/queue/", true);
        assertThatThrownBy(() -> ZnodePath.validate("/queue/", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZnodePath.validate("relative")).isInstanceOf(IllegalArgumentException.class);
    }
}
