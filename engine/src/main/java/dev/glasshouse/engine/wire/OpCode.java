package dev.glasshouse.engine.wire;

import java.util.Optional;

/** ZooKeeper's operation codes ({@code ZooDefs.OpCode}) as they appear in {@code RequestHeader.type}. */
public enum OpCode {
    NOTIFICATION(0),
    CREATE(1),
    DELETE(2),
    EXISTS(3),
    GET_DATA(4),
    SET_DATA(5),
    GET_ACL(6),
    SET_ACL(7),
    GET_CHILDREN(8),
    SYNC(9),
    PING(11),
    GET_CHILDREN2(12),
    CHECK(13),
    MULTI(14),
    CREATE2(15),
    RECONFIG(16),
    CHECK_WATCHES(17),
    REMOVE_WATCHES(18),
    CREATE_CONTAINER(19),
    DELETE_CONTAINER(20),
    CREATE_TTL(21),
    MULTI_READ(22),
    AUTH(100),
    SET_WATCHES(101),
    SASL(102),
    GET_EPHEMERALS(103),
    GET_ALL_CHILDREN_NUMBER(104),
    SET_WATCHES2(105),
    ADD_WATCH(106),
    WHO_AM_I(107),
    CREATE_SESSION(-10),
    CLOSE_SESSION(-11),
    ERROR(-1);

    private static final OpCode[] BY_POSITIVE_CODE = new OpCode[108];

    static {
        for (OpCode op : values()) {
            if (op.code >= 0) {
                BY_POSITIVE_CODE[op.code] = op;
            }
        }
    }

    private final int code;

    OpCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<OpCode> fromCode(int code) {
        if (code >= 0 && code < BY_POSITIVE_CODE.length) {
            return Optional.ofNullable(BY_POSITIVE_CODE[code]);
        }
        return switch (code) {
            case -10 -> Optional.of(CREATE_SESSION);
            case -11 -> Optional.of(CLOSE_SESSION);
            case -1 -> Optional.of(ERROR);
            default -> Optional.empty();
        };
    }

    /** Whether the operation changes state and therefore becomes a transaction with a zxid. */
    public boolean isWrite() {
        return switch (this) {
            case CREATE, CREATE2, CREATE_CONTAINER, CREATE_TTL, DELETE, DELETE_CONTAINER, SET_DATA, SET_ACL,
                    MULTI, CREATE_SESSION, CLOSE_SESSION, RECONFIG -> true;
            default -> false;
        };
    }
}
