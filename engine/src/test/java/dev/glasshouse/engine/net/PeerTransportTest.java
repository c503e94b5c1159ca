package dev.glasshouse.engine.net;

import static dev.glasshouse.engine.net.PeerTestSupport.commit;
import static dev.glasshouse.engine.net.PeerTestSupport.holdWithoutListening;
import static dev.glasshouse.engine.net.PeerTestSupport.members;
import static dev.glasshouse.engine.net.PeerTestSupport.notification;
import static dev.glasshouse.engine.net.PeerTestSupport.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glasshouse.engine.net.PeerTestSupport.Inbox;
import dev.glasshouse.engine.net.PeerTestSupport.RawPeer;
import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.Proposal;
import dev.glasshouse.engine.quorum.SyncMode;
import dev.glasshouse.engine.quorum.ZabMessage;
import dev.glasshouse.engine.quorum.Zxid;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real transports on loopback: order per link and port, reconnecting to peers that start late or
 * restart, refusing strangers and garbage without disturbing other links, and dropping instead of
 * blocking when a peer is unreachable.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PeerTransportTest {
    private static final PeerLimits LIMITS = new PeerLimits(10_000, 1 << 20, 20, 200, 2_000);
    private static final MemberId ONE = MemberId.of(1);
    private static final MemberId TWO = MemberId.of(2);
    private static final MemberId THREE = MemberId.of(3);

    private final List<NettyPeerTransport> started = new ArrayList<>();

    @AfterEach
    void closeTransports() {
        started.forEach(NettyPeerTransport::close);
    }

    @Test
    void threeMembersExchangeMessagesInOrderOnBothPorts() throws Exception {
        Map<MemberId, PeerAddress> members = members(3);
        Map<MemberId, Inbox> inboxes = Map.of(ONE, new Inbox(), TWO, new Inbox(), THREE, new Inbox());
        Map<MemberId, NettyPeerTransport> transports = Map.of(ONE, start(ONE, members, inboxes.get(ONE)),
                TWO, start(TWO, members, inboxes.get(TWO)), THREE, start(THREE, members, inboxes.get(THREE)));
        int perLink = 300;
        for (long i = 0; i < perLink; i++) {
            for (MemberId from : members.keySet()) {
                for (MemberId to : members.keySet()) {
                    if (!from.equals(to)) {
                        transports.get(from).send(commit(from.value(), to.value(), i));
                        transports.get(from).send(notification(from.value(), to.value(), i));
                    }
                }
            }
        }
        for (MemberId to : members.keySet()) {
            List<PeerEnvelope> received = inboxes.get(to).take(4 * perLink);
            assertThat(received).as("everything reached %s", to).hasSize(4 * perLink);
            for (MemberId from : members.keySet().stream().filter(member -> !member.equals(to)).toList()) {
                assertThat(sequences(received, from, false)).as("quorum port %s -> %s", from, to)
                        .containsExactlyElementsOf(LongStream.range(0, perLink).boxed().toList());
                assertThat(sequences(received, from, true)).as("election port %s -> %s", from, to)
                        .containsExactlyElementsOf(LongStream.range(0, perLink).boxed().toList());
            }
            assertThat(transports.get(to).droppedMessages()).isZero();
            assertThat(transports.get(to).connectedPeers()).hasSize(2);
        }
    }

    @Test
    void aPeerThatStartsLaterReceivesWhatIsSentOnceItIsUp() throws Exception {
        Map<MemberId, PeerAddress> members = members(2);
        NettyPeerTransport one = start(ONE, members, new Inbox());
        try (Closeable absent = holdWithoutListening(members.get(TWO))) {
            one.send(commit(1, 2, 0));
            assertThat(HardenedServer.eventually(() -> one.droppedMessages() == 1, Duration.ofSeconds(5)))
                    .as("the message for the absent peer is dropped").isTrue();
        }

        Inbox twoInbox = new Inbox();
        start(TWO, members, twoInbox);
        LongStream.rangeClosed(1, 50).forEach(i -> one.send(commit(1, 2, i)));

        assertThat(twoInbox.take(50)).extracting(PeerTestSupport::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
        assertThat(one.droppedMessages()).isOne();
    }

    @Test
    void aMemberThatFallsBehindStopsReadingFromItsPeersUntilItCatchesUp() throws Exception {
        Map<MemberId, PeerAddress> members = members(2);
        NettyPeerTransport one = start(ONE, members, new Inbox());
        Inbox twoInbox = new Inbox();
        RequestThrottle unprocessed = new RequestThrottle(2);
        AtomicBoolean keepingUp = new AtomicBoolean();
        started.add(NettyPeerTransport.start(TWO, members, envelope -> {
            twoInbox.received(envelope);
            if (keepingUp.get()) {
                unprocessed.finished();
            }
        }, LIMITS, unprocessed));

        LongStream.rangeClosed(1, 3).forEach(i -> one.send(commit(1, 2, i)));
        assertThat(twoInbox.take(3)).hasSize(3);
        assertThat(unprocessed.outstanding()).isEqualTo(3);
        assertThat(unprocessed.pausedConnections()).as("the link stopped reading past two unprocessed").isOne();

        keepingUp.set(true);
        LongStream.rangeClosed(1, 3).forEach(i -> unprocessed.finished());
        assertThat(unprocessed.pausedConnections()).isZero();
        LongStream.rangeClosed(4, 20).forEach(i -> one.send(commit(1, 2, i)));
        assertThat(twoInbox.take(17)).extracting(PeerTestSupport::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(4, 20).boxed().toList());
    }

    @Test
    void aRestartedPeerReceivesAgainOnTheSamePorts() throws Exception {
        Map<MemberId, PeerAddress> members = members(2);
        Inbox oneInbox = new Inbox();
        NettyPeerTransport one = start(ONE, members, oneInbox);
        NettyPeerTransport two = start(TWO, members, new Inbox());
        one.send(commit(1, 2, 0));
        assertThat(HardenedServer.eventually(() -> one.connectedPeers().contains(TWO), Duration.ofSeconds(5))).isTrue();

        two.close();
        two.close();
        assertThat(HardenedServer.eventually(() -> one.connectedPeers().isEmpty(), Duration.ofSeconds(5)))
                .as("member 1 noticed the restart").isTrue();
        Inbox restartedInbox = new Inbox();
        NettyPeerTransport restarted = start(TWO, members, restartedInbox);
        LongStream.rangeClosed(1, 20).forEach(i -> one.send(commit(1, 2, i)));
        restarted.send(notification(2, 1, 7));

        assertThat(restartedInbox.take(20)).extracting(PeerTestSupport::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
        assertThat(oneInbox.take(1)).containsExactly(notification(2, 1, 7));
    }

    @Test
    void aHandshakeFromAStrangerOrFromItselfIsRefused() throws Exception {
        Map<MemberId, PeerAddress> members = members(2);
        NettyPeerTransport one = start(ONE, members, new Inbox());
        try (RawPeer stranger = new RawPeer(one.quorumAddress()).handshake(99);
             RawPeer impostor = new RawPeer(one.electionAddress()).handshake(1);
             RawPeer scanner = new RawPeer(one.quorumAddress()).frame(new byte[] {'G', 'E', 'T', ' ', '/', 1, 2, 3})) {
            assertThat(stranger.closedByAcceptor()).as("unknown member id").isTrue();
            assertThat(impostor.closedByAcceptor()).as("the acceptor's own id").isTrue();
            assertThat(scanner.closedByAcceptor()).as("no magic").isTrue();
        }
        assertThat(one.acceptedPeers()).isEmpty();
    }

    @Test
    void aGarbageOrLyingFrameClosesOnlyItsConnection() throws Exception {
        Map<MemberId, PeerAddress> members = members(3);
        Inbox oneInbox = new Inbox();
        NettyPeerTransport one = start(ONE, members, oneInbox);
        NettyPeerTransport two = start(TWO, members, new Inbox());
        NettyPeerTransport three = start(THREE, members, new Inbox());
        two.send(commit(2, 1, 0));
        assertThat(oneInbox.take(1)).containsExactly(commit(2, 1, 0));

        // The raw peers claim member 3, which has no link yet: claiming 2 would replace two's live
        // connection (a newer connection wins), and what two sends before noticing would be lost.
        // They go one after another, so that none replaces another while it is still writing.
        try (RawPeer garbage = new RawPeer(one.quorumAddress()).handshake(3).frame(new byte[] {0, 0, 0, 99, 1})) {
            assertThat(garbage.closedByAcceptor()).as("garbage").isTrue();
        }
        try (RawPeer liar = new RawPeer(one.quorumAddress()).handshake(3).frame(PeerCodec.encode(commit(2, 1, 5)))) {
            assertThat(liar.closedByAcceptor()).as("a message from 2 on the link of 3").isTrue();
        }
        try (RawPeer wrongPort = new RawPeer(one.quorumAddress()).handshake(3)
                .frame(PeerCodec.encode(notification(3, 1, 5)))) {
            assertThat(wrongPort.closedByAcceptor()).as("a notification on the quorum port").isTrue();
        }
        two.send(commit(2, 1, 1));
        three.send(notification(3, 1, 2));
        assertThat(oneInbox.take(2)).containsExactlyInAnyOrder(commit(2, 1, 1), notification(3, 1, 2));
        assertThat(two.droppedMessages() + three.droppedMessages()).isZero();
    }

    @Test
    void aNewConnectionFromAPeerReplacesItsOlderOneOnThatPort() throws Exception {
        Map<MemberId, PeerAddress> members = members(2);
        Inbox oneInbox = new Inbox();
        NettyPeerTransport one = start(ONE, members, oneInbox);
        try (RawPeer halfOpen = new RawPeer(one.quorumAddress()).handshake(2);
             RawPeer otherPort = new RawPeer(one.electionAddress()).handshake(2)) {
            assertThat(HardenedServer.eventually(() -> one.acceptedPeers().contains(TWO), Duration.ofSeconds(5)))
                    .isTrue();
            NettyPeerTransport two = start(TWO, members, new Inbox());
            two.send(commit(2, 1, 0));
            assertThat(oneInbox.take(1)).containsExactly(commit(2, 1, 0));
            assertThat(halfOpen.closedByAcceptor()).as("the older quorum connection of member 2").isTrue();
            otherPort.frame(PeerCodec.encode(notification(2, 1, 1)));
            assertThat(oneInbox.take(1)).as("the election port is untouched").containsExactly(notification(2, 1, 1));
        }
    }

    @Test
    void sendingToAnUnreachablePeerNeverBlocksAndCountsEveryDrop() throws Exception {
        Map<MemberId, PeerAddress> members = members(2);
        NettyPeerTransport one = start(ONE, members, new Inbox(), new PeerLimits(16, 1 << 20, 20, 100, 2_000));
        try (Closeable absent = holdWithoutListening(members.get(TWO))) {
            int count = 20_000;
            for (long i = 0; i < count; i++) {
                one.send(i % 2 == 0 ? commit(1, 2, i) : notification(1, 2, i));
            }
            assertThat(HardenedServer.eventually(() -> one.droppedMessages() == count, Duration.ofSeconds(10)))
                    .as("dropped %d of %d", one.droppedMessages(), count).isTrue();
            assertThat(one.connectedPeers()).isEmpty();
        }
    }

    @Test
    void aMessageLargerThanTheFrameLimitIsDroppedAndTheLinkGoesOn() throws Exception {
        Map<MemberId, PeerAddress> members = members(2);
        PeerLimits small = new PeerLimits(100, 1_024, 20, 200, 2_000);
        NettyPeerTransport one = start(ONE, members, new Inbox(), small);
        Inbox twoInbox = new Inbox();
        start(TWO, members, twoInbox, small);
        PeerEnvelope snapshot = new PeerEnvelope.Replication(new ZabMessage.SyncLog(ONE, TWO, 1, SyncMode.SNAP,
                Zxid.ZERO, List.of(new Proposal(Zxid.of(1, 1), new byte[4_096]))));
        one.send(commit(1, 2, 0));
        one.send(snapshot);
        one.send(commit(1, 2, 1));
        assertThat(twoInbox.take(2)).containsExactly(commit(1, 2, 0), commit(1, 2, 1));
        assertThat(one.droppedMessages()).isOne();
    }

    @Test
    void aMemberRefusesToSendAsAnotherOrToItself() throws Exception {
        NettyPeerTransport one = start(ONE, members(2), new Inbox());
        assertThatThrownBy(() -> one.send(commit(2, 1, 0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> one.send(commit(1, 1, 0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTakenPortFailsTheStartAndLeavesNothingRunning() throws Exception {
        Map<MemberId, PeerAddress> members = members(2);
        start(ONE, members, new Inbox());
        Map<MemberId, PeerAddress> clash = Map.of(TWO, members.get(ONE), ONE, members.get(TWO));
        assertThatThrownBy(() -> NettyPeerTransport.start(TWO, clash, new Inbox(), LIMITS))
                .isInstanceOf(IOException.class).hasMessageContaining("Cannot listen for peers");
    }

    private static List<Long> sequences(List<PeerEnvelope> received, MemberId from, boolean election) {
        return received.stream().filter(e -> e.from().equals(from) && e.isElection() == election)
                .map(PeerTestSupport::sequence).toList();
    }

    private NettyPeerTransport start(MemberId self, Map<MemberId, PeerAddress> members, Inbox inbox)
            throws IOException {
        return start(self, members, inbox, LIMITS);
    }

    private NettyPeerTransport start(MemberId self, Map<MemberId, PeerAddress> members, Inbox inbox,
                                     PeerLimits limits) throws IOException {
        NettyPeerTransport transport = NettyPeerTransport.start(self, members, inbox, limits);
        started.add(transport);
        return transport;
    }
}
