package dev.glasshouse.engine.request;

import dev.glasshouse.engine.tree.DataTree;
import dev.glasshouse.engine.tree.QuotaIndex;
import dev.glasshouse.engine.tree.QuotaRecord;
import dev.glasshouse.engine.tree.Znode;
import dev.glasshouse.engine.wire.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ZooKeeper's {@code checkQuota} for a create or setData: the change is measured against the usage
 * the applied tree records for the deepest quota above the path. A hard limit, when set, replaces
 * the soft one; going over it fails the write with {@code QUOTA_EXCEEDED} when {@code enforceQuota}
 * is on. Going over any limit leaves a warning for the driver to log (ZooKeeper 3.9 logs only when
 * enforcing; we also log when not, so operators see soft limits as the ZooKeeper guide promises).
 * Confined to the member's event-loop thread.
 */
final class QuotaCheck {
    private final DataTree tree;
    private final boolean enforce;
    private final List<String> warnings = new ArrayList<>();

    QuotaCheck(DataTree tree, boolean enforce) {
        this.tree = tree;
        this.enforce = enforce;
    }

    void create(String path, byte[] data) throws Rejection {
        check(path, 1, data == null ? 0 : data.length);
    }

    void setData(String path, byte[] data) throws Rejection {
        int oldLength = tree.node(path).map(Znode::dataLength).orElse(0);
        check(path, 0, (data == null ? 0 : data.length) - oldLength);
    }

    /** The warnings since the last call, oldest first. */
    List<String> drainWarnings() {
        List<String> drained = List.copyOf(warnings);
        warnings.clear();
        return drained;
    }

    private void check(String path, long countDiff, long bytesDiff) throws Rejection {
        QuotaIndex quotas = tree.quotas();
        Optional<String> root = quotas.quotaRoot(path);
        Optional<QuotaRecord> limits = root.flatMap(quotas::limits);
        Optional<QuotaRecord> usage = root.flatMap(quotas::usage);
        if (limits.isEmpty() || usage.isEmpty()) {
            return;
        }
        if (countDiff != 0) {
            limit(root.get(), "count", usage.get().get(QuotaRecord.COUNT) + countDiff,
                    limits.get().get(QuotaRecord.COUNT), limits.get().get(QuotaRecord.COUNT_HARD_LIMIT));
        }
        if (bytesDiff != 0) {
            limit(root.get(), "bytes", usage.get().get(QuotaRecord.BYTES) + bytesDiff,
                    limits.get().get(QuotaRecord.BYTES), limits.get().get(QuotaRecord.BYTE_HARD_LIMIT));
        }
    }

    private void limit(String root, String what, long next, long soft, long hard) throws Rejection {
        boolean isHard = hard > -1;
        long limit = isHard ? hard : soft;
        if (limit < 0 || next <= limit) {
            return;
        }
        warnings.add("Quota exceeded: " + root + " [current " + what + "=" + next + ", " + (isHard ? "hard" : "soft")
                + (what.equals("count") ? "CountLimit=" : "ByteLimit=") + limit + "]"
                + (isHard && !enforce ? " (not enforced: enforceQuota is off)" : ""));
        if (isHard && enforce) {
            throw new Rejection(ErrorCode.QUOTA_EXCEEDED);
        }
    }
}
