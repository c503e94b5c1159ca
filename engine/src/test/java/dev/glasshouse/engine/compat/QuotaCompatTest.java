package dev.glasshouse.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.StatsTrack;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.cli.DelQuotaCommand;
import org.apache.zookeeper.cli.ListQuotaCommand;
import org.apache.zookeeper.cli.SetQuotaCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quotas as zkCli manages them ({@code setquota -n/-b/-N/-B}, {@code listquota}, {@code delquota},
 * through ZooKeeper's own CLI code), enforced ({@code enforceQuota=true}) on Apache ZooKeeper and
 * Glasshouse alike: the same writes fail with QUOTA_EXCEEDED and the limits and stats nodes hold
 * the same text.
 */
class QuotaCompatTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void quotasBehaveAsInZooKeeper(@TempDir Path dir) throws Exception {
        List<String> reference = run(Target.REFERENCE, dir.resolve("reference"));
        List<String> glasshouse = run(Target.GLASSHOUSE, dir.resolve("glasshouse"));
        assertThat(glasshouse).containsExactlyElementsOf(reference);
        assertThat(String.join("\n", reference)).contains("QUOTAEXCEEDED");
    }

    private static List<String> run(Target target, Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        try (TargetServer server = target.start(dir); var sessions = new ClientSessions(server)) {
            ZooKeeper zk = sessions.open();
            create(zk, "/soft", "", out);
            create(zk, "/hard", "", out);
            create(zk, "/bytes", "", out);
            StatsTrack soft = new StatsTrack();
            soft.setCount(2);
            soft.setBytes(5);
            out.add("setquota -n 2 -b 5 /soft " + SetQuotaCommand.createQuota(zk, "/soft", soft));
            StatsTrack hardCount = new StatsTrack();
            hardCount.setCountHardLimit(3);
            out.add("setquota -N 3 /hard " + SetQuotaCommand.createQuota(zk, "/hard", hardCount));
            StatsTrack hardBytes = new StatsTrack();
            hardBytes.setByteHardLimit(6);
            out.add("setquota -B 6 /bytes " + SetQuotaCommand.createQuota(zk, "/bytes", hardBytes));
            for (int i = 0; i < 4; i++) {
                create(zk, "/soft/n" + i, "abc", out);
                create(zk, "/hard/n" + i, "", out);
            }
            create(zk, "/hard/n1/deep", "x", out);
            create(zk, "/bytes/a", "1234", out);
            create(zk, "/bytes/b", "123", out);
            setData(zk, "/bytes/a", "12345", out);
            setData(zk, "/bytes/a", "123456", out);
            setData(zk, "/bytes/a", "1", out);
            create(zk, "/bytes/b", "12345", out);
            multi(zk, out);
            delete(zk, "/hard/n0", out);
            create(zk, "/hard/again", "", out);
            for (String path : new String[] {"/soft", "/hard", "/bytes"}) {
                out.add("listquota " + path + " " + ListQuotaCommand.listQuota(zk, path));
                out.add("stats " + path + " " + text(zk, "/zookeeper/quota" + path + "/zookeeper_stats"));
                out.add("limits " + path + " " + text(zk, "/zookeeper/quota" + path + "/zookeeper_limits"));
            }
            out.add("delquota /hard " + DelQuotaCommand.delQuota(zk, "/hard", null));
            create(zk, "/hard/free", "", out);
            StatsTrack nested = new StatsTrack();
            nested.setCount(1);
            try {
                out.add("setquota /soft/n0 " + SetQuotaCommand.createQuota(zk, "/soft/n0", nested));
            } catch (IllegalArgumentException e) {
                out.add("setquota /soft/n0 refused: " + e.getMessage());
            }
            out.add("children /zookeeper/quota " + sorted(zk.getChildren("/zookeeper/quota", false)));
        }
        return out;
    }

    private static void create(ZooKeeper zk, String path, String data, List<String> out) throws InterruptedException {
        try {
            out.add("create " + path + " " + zk.create(path, data.getBytes(StandardCharsets.UTF_8),
                    ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        } catch (KeeperException e) {
            out.add("create " + path + " " + e.code());
        }
    }

    private static void setData(ZooKeeper zk, String path, String data, List<String> out) throws InterruptedException {
        try {
            out.add("set " + path + " v" + zk.setData(path, data.getBytes(StandardCharsets.UTF_8), -1).getVersion());
        } catch (KeeperException e) {
            out.add("set " + path + " " + e.code());
        }
    }

    private static void delete(ZooKeeper zk, String path, List<String> out) throws InterruptedException {
        try {
            zk.delete(path, -1);
            out.add("delete " + path);
        } catch (KeeperException e) {
            out.add("delete " + path + " " + e.code());
        }
    }

    private static void multi(ZooKeeper zk, List<String> out) throws InterruptedException {
        try {
            zk.multi(List.of(Op.create("/hard/m1", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                    Op.create("/hard/m2", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)));
            out.add("multi ok");
        } catch (KeeperException e) {
            List<String> codes = new ArrayList<>();
            e.getResults().forEach(r -> codes.add(r.getClass().getSimpleName()
                    + (r instanceof org.apache.zookeeper.OpResult.ErrorResult err ? err.getErr() : "")));
            out.add("multi " + e.code() + " " + codes);
        }
    }

    private static String text(ZooKeeper zk, String path) throws InterruptedException {
        try {
            return new String(zk.getData(path, false, null), StandardCharsets.UTF_8);
        } catch (KeeperException e) {
            return e.code().toString();
        }
    }

    private static List<String> sorted(List<String> names) {
        List<String> copy = new ArrayList<>(names);
        copy.sort(null);
        return copy;
    }
}
