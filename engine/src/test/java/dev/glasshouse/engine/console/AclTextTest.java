package dev.glasshouse.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.Id;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AclTextTest {

    @ParameterizedTest
    @CsvSource({
            "31, cdrwa",
            "1, r",
            "3, rw",
            "12, cd",
            "16, a",
            "0, none"})
    void permissionsUseZkClisLettersAndOrder(int perms, String expected) {
        assertThat(AclText.permissions(perms)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "world, anyone, 31, world:anyone cdrwa",
            "digest, 'alice:X/8Lr3AKx3I1QLx0hO2ZIEzWw2E=', 1, digest:alice:X/8Lr3AKx3I1QLx0hO2ZIEzWw2E= r",
            "ip, 10.0.0.0/8, 3, ip:10.0.0.0/8 rw"})
    void entryShowsSchemeIdAndPermissions(String scheme, String id, int perms, String expected) {
        assertThat(AclText.of(new Acl(perms, new Id(scheme, id)))).isEqualTo(expected);
    }
}
