package dev.glasshouse.engine.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Values shared by the golden-bytes tests, each with its reference-class twin. */
final class WireSamples {
    static final List<Acl> ACLS = List.of(
            new Acl(Perms.ALL, Id.ANYONE),
            new Acl(Perms.READ | Perms.ADMIN, new Id("digest", "bob:fyVmFCwVbTJYrznoSu1koqYEYF0=")),
            new Acl(Perms.CREATE, new Id("ip", "127.0.0.1/8")));
    static final byte[] DATA = "héllo 日本".getBytes(StandardCharsets.UTF_8);
    static final String PATH = "/app/config/ü-日本";
    static final Stat STAT = new Stat(0x1f00000002L, 0x1f00000007L, 1_700_000_000_123L, 1_700_000_999_456L, 7, -3,
            2, 0x8000000000000000L, DATA.length, 4, Long.MAX_VALUE);

    private WireSamples() {
    }

    static List<org.apache.zookeeper.data.ACL> referenceAcls(List<Acl> acls) {
        return acls.stream().map(acl -> new org.apache.zookeeper.data.ACL(acl.perms(),
                new org.apache.zookeeper.data.Id(acl.id().scheme(), acl.id().id()))).toList();
    }

    static org.apache.zookeeper.data.Stat referenceStat(Stat s) {
        return new org.apache.zookeeper.data.Stat(s.czxid(), s.mzxid(), s.ctime(), s.mtime(), s.version(),
                s.cversion(), s.aversion(), s.ephemeralOwner(), s.dataLength(), s.numChildren(), s.pzxid());
    }
}
