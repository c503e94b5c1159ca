package dev.glasshouse.engine.admin;

import dev.glasshouse.engine.admin.api.QuorumState;
import dev.glasshouse.engine.admin.api.QuorumState.Learner;
import dev.glasshouse.engine.admin.api.QuorumState.LearnerType;
import dev.glasshouse.engine.admin.api.QuorumState.Member;
import dev.glasshouse.engine.admin.api.QuorumState.ReceivedVote;
import dev.glasshouse.engine.admin.api.QuorumState.Vote;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The AdminServer's quorum commands ({@code leader}, {@code zabstate}, {@code voting_view},
 * {@code observers}) with the field names ZooKeeper 3.9's command objects use, and Glasshouse's
 * {@code quorum} command, each rendered from one {@link QuorumState}. A standalone member answers
 * as the existing standalone commands did. Stateless.
 */
final class QuorumFields {
    private QuorumFields() {
    }

    /** {@code leader}: ZooKeeper's {@code leader_ip} is the leader's quorum host, without the port. */
    static Map<String, Object> leader(QuorumState quorum) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("is_leader", quorum.mode() == QuorumState.Mode.LEADER);
        fields.put("leader_id", quorum.leaderId().orElse(-1));
        fields.put("leader_ip", quorum.leaderId().stream().boxed().flatMap(id -> quorum.member(id).stream())
                .map(member -> host(member.quorumAddress())).findFirst().orElse(""));
        return fields;
    }

    /**
     * {@code zabstate}. ZooKeeper serialises its address objects field by field; these are the
     * {@code host:port} strings its {@code server.N} lines use instead.
     */
    static Map<String, Object> zabState(QuorumState quorum) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (quorum.isStandalone()) {
            fields.put("voting", false);
            fields.put("zabstate", "");
            return fields;
        }
        Optional<Member> self = quorum.member(quorum.myId());
        long zxid = quorum.lastCommittedZxid();
        fields.put("myid", quorum.myId());
        fields.put("is_leader", quorum.mode() == QuorumState.Mode.LEADER);
        fields.put("quorum_address", self.map(Member::quorumAddress).orElse(""));
        fields.put("election_address", self.map(Member::electionAddress).orElse(""));
        fields.put("client_address", self.flatMap(Member::clientAddress).orElse(null));
        fields.put("voting", self.map(member -> member.type() == LearnerType.PARTICIPANT).orElse(false));
        fields.put("last_zxid", hex(zxid));
        fields.put("zab_epoch", zxid >>> 32);
        fields.put("zab_counter", zxid & 0xffffffffL);
        fields.put("zabstate", quorum.zabPhase().map(QuorumFields::lower).orElse(""));
        return fields;
    }

    /** {@code voting_view}: the participants by id, in ZooKeeper's {@code QuorumServerView} layout. */
    static Map<String, Object> votingView(QuorumState quorum) {
        Map<String, Object> view = new LinkedHashMap<>();
        quorum.votingMembers().stream().sorted(Comparator.comparingLong(Member::id)).forEach(member -> {
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("serverAddresses", List.of(member.quorumAddress()));
            server.put("electionAddresses", List.of(member.electionAddress()));
            server.put("clientAddress", member.clientAddress().orElse(""));
            server.put("learnerType", lower(member.type()));
            view.put(String.valueOf(member.id()), server);
        });
        return Map.of("current_config", view);
    }

    /** {@code observers}: the synced observers of a leader; none elsewhere. */
    static Map<String, Object> observers(QuorumState quorum) {
        List<Map<String, Object>> observers = new ArrayList<>();
        for (Learner learner : quorum.learners()) {
            if (learner.type() == LearnerType.OBSERVER && learner.synced()) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("sid", learner.id());
                fields.put("last_zxid", learner.ackedZxid());
                observers.add(fields);
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("synced_observers", observers.size());
        fields.put("observers", observers);
        return fields;
    }

    /** Glasshouse's {@code quorum} command: the whole state, zxids in hex, absent values as null. */
    static Map<String, Object> quorum(QuorumState quorum) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("mode", quorum.mode().serverState());
        fields.put("my_id", quorum.myId());
        fields.put("zab_phase", quorum.zabPhase().map(QuorumFields::lower).orElse(null));
        fields.put("serving", quorum.serving());
        fields.put("read_only", quorum.readOnly());
        fields.put("accepted_epoch", quorum.acceptedEpoch());
        fields.put("current_epoch", quorum.currentEpoch());
        fields.put("last_logged_zxid", hex(quorum.lastLoggedZxid()));
        fields.put("last_committed_zxid", hex(quorum.lastCommittedZxid()));
        fields.put("election_round", quorum.electionRound());
        fields.put("leader_id", quorum.leaderId().stream().boxed().findFirst().orElse(null));
        fields.put("current_vote", quorum.currentVote().map(QuorumFields::vote).orElse(null));
        fields.put("members", quorum.members().stream().map(QuorumFields::member).toList());
        fields.put("learners", quorum.learners().stream().map(QuorumFields::learner).toList());
        fields.put("pending_syncs", quorum.pendingSyncs());
        fields.put("recent_votes", quorum.recentVotes().stream().map(QuorumFields::receivedVote).toList());
        return fields;
    }

    private static Map<String, Object> vote(Vote vote) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("leader_id", vote.leaderId());
        fields.put("zxid", hex(vote.zxid()));
        fields.put("round", vote.round());
        fields.put("peer_epoch", vote.peerEpoch());
        return fields;
    }

    private static Map<String, Object> member(Member member) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", member.id());
        fields.put("quorum_address", member.quorumAddress());
        fields.put("election_address", member.electionAddress());
        fields.put("client_address", member.clientAddress().orElse(null));
        fields.put("learner_type", lower(member.type()));
        fields.put("connected", member.connected());
        return fields;
    }

    private static Map<String, Object> learner(Learner learner) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", learner.id());
        fields.put("learner_type", lower(learner.type()));
        fields.put("synced", learner.synced());
        fields.put("acked_zxid", hex(learner.ackedZxid()));
        return fields;
    }

    private static Map<String, Object> receivedVote(ReceivedVote received) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("from", received.from());
        fields.put("state", lower(received.state()));
        fields.putAll(vote(received.vote()));
        fields.put("at_millis", received.atMillis());
        return fields;
    }

    static String hex(long zxid) {
        return "0x" + Long.toHexString(zxid);
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The host of a {@code host:port} address, an IPv6 host without brackets ({@code getHostString}). */
    private static String host(String address) {
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? address : address.substring(0, colon);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
