package dev.glasshouse.engine.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a member on 127.0.0.1 what it is doing with the {@code srvr} four-letter word, as
 * {@code zkServer.sh status} does, and reads the {@code Mode:} line. A member that does not answer,
 * or answers without a mode (ZooKeeper's "not currently serving requests"), has no mode. Stateless.
 */
final class MemberProbe {
    private static final Pattern MODE = Pattern.compile("(?m)^Mode: (\\w+)\\s*$");
    private static final int CONNECT_TIMEOUT_MILLIS = 500;
    private static final int READ_TIMEOUT_MILLIS = 2_000;
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private MemberProbe() {
    }

    /** The mode the member on {@code clientPort} reports: leader, follower, observer or standalone. */
    static Optional<String> mode(int clientPort) {
        try {
            return parseMode(srvr(clientPort));
        } catch (IOException notServing) {
            // Refused, reset or timed out: the member is down, starting or between roles.
            return Optional.empty();
        }
    }

    static Optional<String> parseMode(String srvrAnswer) {
        Matcher matcher = MODE.matcher(srvrAnswer);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String srvr(int clientPort) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), clientPort),
                    CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write("srvr".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(MAX_ANSWER_BYTES);
            return new String(answer, StandardCharsets.UTF_8);
        }
    }
}
