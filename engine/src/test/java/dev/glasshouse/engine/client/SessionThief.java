package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.ConnectRequest;
import dev.glasshouse.engine.wire.ConnectResponse;
import dev.glasshouse.engine.wire.JuteInput;
import dev.glasshouse.engine.wire.JuteOutput;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.ReplyHeader;
import dev.glasshouse.engine.wire.RequestHeader;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A raw, blocking connection that takes over another client's session by presenting its id and
 * password, as a second client sharing the session would. A ZooKeeper server answers such a
 * handshake by closing the session's previous connection, which is how tests inject faults into a
 * server that has no fault API. Used from the test thread only; every read has a deadline.
 */
final class SessionThief implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    private SessionThief(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = new DataOutputStream(socket.getOutputStream());
    }

    /**
     * Takes the session over and lets it go again at once. The owner's connection is closed by the
     * server; the session survives, so the owner reconnects to it.
     */
    static void disconnectOwner(InetSocketAddress server, long sessionId, byte[] password) {
        try (SessionThief thief = connect(server)) {
            thief.writeFrame(connectRequest(sessionId, password));
            thief.expectResumed(sessionId);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not take over session 0x" + Long.toHexString(sessionId), e);
        }
    }

    /**
     * Takes the session over and closes it, as its owner's close would: its ephemerals go and the
     * owner, on reconnecting, hears that the session has expired. The close is sent together with
     * the handshake so that the owner cannot take the session back in between.
     */
    static void endSession(InetSocketAddress server, long sessionId, byte[] password) {
        try (SessionThief thief = connect(server)) {
            JuteOutput close = new JuteOutput();
            new RequestHeader(1, OpCode.CLOSE_SESSION.code()).write(close);
            // One write, so both frames arrive in one segment and the server reads them together:
            // written separately, Nagle could hold the close back while the owner reconnects.
            thief.writeFrames(connectRequest(sessionId, password), close.toByteArray());
            thief.expectResumed(sessionId);
            ReplyHeader reply = ReplyHeader.read(JuteInput.of(thief.readFrame()));
            if (reply.err() != 0) {
                throw new AssertionError("closeSession failed with error " + reply.err());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close session 0x" + Long.toHexString(sessionId), e);
        }
    }

    /** Drops the connection without ending the session, as a crashed client would. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // The socket is being discarded; a failed close leaves nothing behind that a test reads.
        }
    }

    private static SessionThief connect(InetSocketAddress server) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(server, (int) Await.TIMEOUT.toMillis());
            socket.setSoTimeout((int) Await.TIMEOUT.toMillis());
            return new SessionThief(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static byte[] connectRequest(long sessionId, byte[] password) {
        JuteOutput request = new JuteOutput();
        new ConnectRequest(0, 0, 10_000, sessionId, password, false, false).write(request);
        return request.toByteArray();
    }

    private void expectResumed(long sessionId) throws IOException {
        ConnectResponse response = ConnectResponse.read(JuteInput.of(readFrame()));
        if (response.timeoutMillis() == 0 || response.sessionId() != sessionId) {
            throw new AssertionError("Server refused to resume session 0x" + Long.toHexString(sessionId));
        }
    }

    private void writeFrame(byte[] body) throws IOException {
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    private void writeFrames(byte[] first, byte[] second) throws IOException {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        DataOutputStream buffer = new DataOutputStream(frames);
        for (byte[] body : new byte[][] {first, second}) {
            buffer.writeInt(body.length);
            buffer.write(body);
        }
        out.write(frames.toByteArray());
        out.flush();
    }

    private byte[] readFrame() throws IOException {
        byte[] body = new byte[in.readInt()];
        in.readFully(body);
        return body;
    }
}
