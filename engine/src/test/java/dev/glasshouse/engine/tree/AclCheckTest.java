package dev.glasshouse.engine.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.Id;
import dev.glasshouse.engine.wire.Perms;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AclCheckTest {
    private static final Id BOB = new Id("digest", "bob:fyVmFCwVbTJYrznoSu1koqYEYF0=");
    private static final Id ALICE = new Id("digest", "alice:aaaaaaaaaaaaaaaaaaaaaaaaaaa=");
    private static final Id LOCAL = new Id("ip", "127.0.0.1");
    private static final Id LAN = new Id("ip", "10.1.2.3");

    private static Arguments row(String name, List<Acl> acl, int perm, List<Id> identities, boolean allowed) {
        return Arguments.of(name, acl, perm, identities, allowed);
    }

    static Stream<Arguments> cases() {
        List<Acl> bobAll = List.of(new Acl(Perms.ALL, BOB));
        List<Acl> bobRead = List.of(new Acl(Perms.READ, BOB));
        List<Acl> lanSubnet = List.of(new Acl(Perms.ALL, new Id("ip", "10.1.0.0/16")));
        return Stream.of(
                row("empty ACL allows everything", List.of(), Perms.ADMIN, List.of(LOCAL), true),
                row("world:anyone matches every session", Acl.OPEN_ACL_UNSAFE, Perms.WRITE, List.of(LOCAL), true),
                row("world:anyone grants only its bits", Acl.READ_ACL_UNSAFE, Perms.WRITE, List.of(LOCAL), false),
                row("world:anyone read", Acl.READ_ACL_UNSAFE, Perms.READ, List.of(), true),
                row("digest matches the exact id", bobAll, Perms.DELETE, List.of(BOB, LOCAL), true),
                row("digest of another user", bobAll, Perms.READ, List.of(ALICE, LOCAL), false),
                row("digest without the bit", bobRead, Perms.WRITE, List.of(BOB, LOCAL), false),
                row("perm set checked bitwise", bobRead, Perms.READ | Perms.ADMIN, List.of(BOB), true),
                row("unauthenticated session", bobAll, Perms.READ, List.of(LOCAL), false),
                row("super bypasses every check", bobRead, Perms.ADMIN, List.of(AclCheck.SUPER, LOCAL), true),
                row("ip exact", List.of(new Acl(Perms.ALL, LOCAL)), Perms.READ, List.of(LOCAL), true),
                row("ip exact other address", List.of(new Acl(Perms.ALL, LOCAL)), Perms.READ, List.of(LAN), false),
                row("ip CIDR inside", lanSubnet, Perms.READ, List.of(LAN), true),
                row("ip CIDR outside", lanSubnet, Perms.READ, List.of(LOCAL), false),
                row("ip ACL ignores digest ids", lanSubnet, Perms.READ, List.of(new Id("digest", "10.1.2.3")), false),
                row("malformed ip ACL matches nobody", List.of(new Acl(Perms.ALL, new Id("ip", "10.1/x"))),
                        Perms.READ, List.of(LAN), false),
                row("any matching entry suffices", List.of(new Acl(Perms.READ, ALICE), new Acl(Perms.WRITE, BOB)),
                        Perms.WRITE, List.of(BOB), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesPermission(String name, List<Acl> acl, int perm, List<Id> identities, boolean allowed) {
        assertThat(AclCheck.allows(acl, perm, identities)).isEqualTo(allowed);
    }
}
