package dev.glasshouse.engine.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpPatternTest {

    static Stream<Arguments> matches() {
        return Stream.of(
                Arguments.of("127.0.0.1", "127.0.0.1", true),
                Arguments.of("127.0.0.1", "127.0.0.2", false),
                Arguments.of("127.0.0.1/32", "127.0.0.1", true),
                Arguments.of("10.0.0.0/8", "10.255.1.2", true),
                Arguments.of("10.0.0.0/8", "11.0.0.0", false),
                Arguments.of("10.1.0.0/16", "10.1.200.7", true),
                Arguments.of("10.1.0.0/16", "10.2.0.1", false),
                Arguments.of("192.168.1.128/25", "192.168.1.200", true),
                Arguments.of("192.168.1.128/25", "192.168.1.100", false),
                Arguments.of("10.1.2.3/16", "10.1.9.9", true),
                Arguments.of("0.0.0.0/0", "203.0.113.9", true),
                Arguments.of("10.0.0.0/8", "not-an-address", false),
                Arguments.of("10.0.0.0/8", "0:0:0:0:0:0:0:1", false),
                Arguments.of("0:0:0:0:0:0:0:1", "0:0:0:0:0:0:0:1", true),
                Arguments.of("FE80:0:0:0:0:0:0:1", "fe80:0:0:0:0:0:0:1", true),
                Arguments.of("0:0:0:0:0:0:0:1", "127.0.0.1", false),
                Arguments.of("::1", "0:0:0:0:0:0:0:1", true),
                Arguments.of("::1/64", "0:0:0:0:0:0:0:ff", true),
                Arguments.of("2001:db8::/32", "2001:db8:1:0:0:0:0:5", true),
                Arguments.of("2001:db8::/32", "2001:db9:0:0:0:0:0:1", false),
                Arguments.of("fe80::/10", "febf:0:0:0:0:0:0:1", true),
                Arguments.of("fe80::/10", "fec0:0:0:0:0:0:0:1", false),
                Arguments.of("::/0", "1:2:3:4:5:6:7:8", true),
                Arguments.of("::/0", "10.0.0.1", false),
                Arguments.of("0.0.0.0/0", "0:0:0:0:0:0:0:1", false),
                Arguments.of("fe80::1", "fe80:0:0:0:0:0:0:1%eth0", false));
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @MethodSource("matches")
    void matchesAddressPrefix(String pattern, String client, boolean expected) {
        assertThat(IpPattern.parse(pattern)).hasValueSatisfying(p -> assertThat(p.matches(client)).isEqualTo(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0", "10.0.0.0.0", "256.0.0.1", "10.0.0.1/33", "10.0.0.1/-1", "10.0.0.1/x",
            "10.0.0.1/", "a.b.c.d", "1234.0.0.1", "10..0.1", "host.example",
            "1::2::3", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4::5:6:7:8", "::1/129", "12345::1", "g::1",
            "::1/", ":1:2:3:4:5:6:7"})
    void rejectsMalformedPatterns(String pattern) {
        assertThat(IpPattern.parse(pattern)).isEmpty();
    }
}
