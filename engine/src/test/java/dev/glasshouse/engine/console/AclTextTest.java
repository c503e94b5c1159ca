package dev.glasshouse.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.Id;
import dev.glasshouse.engine.wire.Perms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AclTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "31 | world | anyone    | world:anyone  cdrwa (create, delete, read, write, admin)",
            "1  | world | anyone    | world:anyone  r (read)",
            "3  | ip    | 10.0.0.0/8 | ip:10.0.0.0/8  rw (read, write)",
            "0  | auth  | ''        | auth:  (no permissions)"})
    void showsIdentityThenZkCliLettersAndWords(int perms, String scheme, String id, String expected) {
        assertThat(AclText.of(new Acl(perms, new Id(scheme, id)))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"16, admin", "8, delete", "4, create"})
    void namesEachPermission(int perms, String word) {
        assertThat(AclText.of(new Acl(perms, Id.ANYONE))).endsWith("(" + word + ")");
        assertThat(perms & Perms.ALL).isEqualTo(perms);
    }
}
