package dev.glasshouse.engine.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glasshouse.engine.request.Transaction;
import dev.glasshouse.engine.tree.CheckVersionTxn;
import dev.glasshouse.engine.tree.CloseSessionTxn;
import dev.glasshouse.engine.tree.CreateSessionTxn;
import dev.glasshouse.engine.tree.CreateTxn;
import dev.glasshouse.engine.tree.DeleteTxn;
import dev.glasshouse.engine.tree.ErrorTxn;
import dev.glasshouse.engine.tree.MultiTxn;
import dev.glasshouse.engine.tree.NodeKind;
import dev.glasshouse.engine.tree.SetAclTxn;
import dev.glasshouse.engine.tree.SetDataTxn;
import dev.glasshouse.engine.tree.Txn;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.Id;
import dev.glasshouse.engine.wire.WireFormatException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TxnCodecTest {
    static Stream<Txn> transactions() {
        List<Acl> digest = List.of(new Acl(31, new Id("digest", "bob:x3dDf0sYw+ZuX4DlRM5YtJ7mFxo=")));
        return Stream.of(
                new CreateTxn(1, "/a", new byte[] {1, 2}, Acl.OPEN_ACL_UNSAFE, 0, 3),
                new CreateTxn(15, "/b", null, digest, 0x1234L, 1),
                new CreateTxn(19, "/c", new byte[0], Acl.READ_ACL_UNSAFE, NodeKind.CONTAINER_OWNER, 7),
                new CreateTxn(21, "/t", new byte[] {9}, Acl.OPEN_ACL_UNSAFE, NodeKind.ttlOwner(5000), 2),
                new DeleteTxn("/a"),
                new SetDataTxn("/a", new byte[] {7}, 4),
                new SetAclTxn("/a", digest, 2),
                new CheckVersionTxn("/a", 3),
                new ErrorTxn(ErrorCode.NO_NODE),
                new MultiTxn(List.of(new CreateTxn(1, "/m", new byte[0], Acl.OPEN_ACL_UNSAFE, 0, 1),
                        new SetDataTxn("/m", new byte[] {1}, 1))),
                new MultiTxn(List.of(new ErrorTxn(ErrorCode.OK), new ErrorTxn(ErrorCode.BAD_VERSION))),
                new CreateSessionTxn(30_000, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}),
                new CloseSessionTxn());
    }

    @ParameterizedTest
    @MethodSource("transactions")
    void everyTransactionKindReadsBackAsWritten(Txn txn) {
        Transaction written = new Transaction(0x1f00000002L, 7, 0x42, 1_700_000_000_000L, 1, txn);
        Transaction read = TxnCodec.decode(0x42, TxnCodec.encode(written));
        assertThat(read).usingRecursiveComparison().isEqualTo(written);
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] encoded = TxnCodec.encode(new Transaction(1, 1, 1, 1, 2, new DeleteTxn("/a")));
        byte[] longer = java.util.Arrays.copyOf(encoded, encoded.length + 1);
        assertThatThrownBy(() -> TxnCodec.decode(1, longer)).isInstanceOf(WireFormatException.class);
    }
}
