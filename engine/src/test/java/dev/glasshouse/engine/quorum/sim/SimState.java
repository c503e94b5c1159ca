package dev.glasshouse.engine.quorum.sim;

import dev.glasshouse.engine.quorum.Proposal;
import dev.glasshouse.engine.quorum.StateImage;
import dev.glasshouse.engine.quorum.Zxid;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated member's applied state: simply every transaction it applied, in order, so that a
 * snapshot or a leader's image can be checked against the one committed history. Encodes to and
 * decodes from a {@link StateImage} as the server does with its tree. Immutable.
 */
record SimState(List<Proposal> applied) {
    static final SimState EMPTY = new SimState(List.of());

    SimState {
        applied = List.copyOf(applied);
    }

    Zxid zxid() {
        return applied.isEmpty() ? Zxid.ZERO : applied.get(applied.size() - 1).zxid();
    }

    StateImage image() {
        int size = Integer.BYTES;
        for (Proposal proposal : applied) {
            size += Long.BYTES + Integer.BYTES + proposal.payload().length;
        }
        ByteBuffer bytes = ByteBuffer.allocate(size).putInt(applied.size());
        for (Proposal proposal : applied) {
            byte[] payload = proposal.payload();
            bytes.putLong(proposal.zxid().value()).putInt(payload.length).put(payload);
        }
        return new StateImage(zxid(), bytes.array());
    }

    static SimState of(StateImage image) {
        ByteBuffer bytes = ByteBuffer.wrap(image.data());
        List<Proposal> applied = new ArrayList<>();
        for (int count = bytes.getInt(); count > 0; count--) {
            Zxid zxid = new Zxid(bytes.getLong());
            byte[] payload = new byte[bytes.getInt()];
            bytes.get(payload);
            applied.add(new Proposal(zxid, payload));
        }
        SimState state = new SimState(applied);
        if (!state.zxid().equals(image.zxid())) {
            throw new AssertionError("image of " + image.zxid() + " holds a state through " + state.zxid());
        }
        return state;
    }
}
