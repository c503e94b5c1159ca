package dev.glasshouse.engine.net;

import dev.glasshouse.engine.wire.ConnectRequest;
import dev.glasshouse.engine.wire.JuteOutput;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.RequestCodec;
import dev.glasshouse.engine.wire.RequestHeader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;

/** A byte-level test client: writes frames exactly as given and reads frames back, nothing more. */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        in = new DataInputStream(socket.getInputStream());
        out = new DataOutputStream(socket.getOutputStream());
    }

    void sendFrame(byte[] body) throws IOException {
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void connect(ConnectRequest request) throws IOException {
        JuteOutput frame = new JuteOutput();
        request.write(frame);
        sendFrame(frame.toByteArray());
    }

    void request(int xid, OpCode op, RequestBody body) throws IOException {
        sendFrame(RequestCodec.write(new RequestHeader(xid, op.code()), op, body));
    }

    /** The next frame body, or empty when the server closed the connection. */
    Optional<byte[]> readFrame() throws IOException {
        try {
            int length = in.readInt();
            byte[] body = new byte[length];
            in.readFully(body);
            return Optional.of(body);
        } catch (EOFException e) {
            return Optional.empty();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("server neither answered nor closed within 5 s", e);
        } catch (IOException e) {
            // A reset after the server closed its side also means "closed".
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
