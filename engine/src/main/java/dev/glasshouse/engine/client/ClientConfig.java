package dev.glasshouse.engine.client;

import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Everything a {@link ZkClient} needs to start: where to connect, the session timeout it asks
 * for, the largest frame it accepts, whether a read-only server will do, the random source that
 * shuffles hosts, and optionally an existing session to resume. Immutable; derive variants with
 * the {@code with*} methods.
 */
public record ClientConfig(ConnectString connectString, int sessionTimeoutMillis, int maxPacketBytes,
                           boolean canBeReadOnly, RandomGenerator random, Optional<SessionCredentials> session) {

    /** ZooKeeper's {@code jute.maxbuffer} default, which the reference client also applies to replies. */
    public static final int DEFAULT_MAX_PACKET_BYTES = 0xfffff;

    public ClientConfig {
        if (sessionTimeoutMillis <= 0) {
            throw new IllegalArgumentException("Session timeout must be positive, was " + sessionTimeoutMillis);
        }
        if (maxPacketBytes <= 0) {
            throw new IllegalArgumentException("Max packet bytes must be positive, was " + maxPacketBytes);
        }
    }

    /** A new session against the hosts of {@code connectString}, with defaults for everything else. */
    public static ClientConfig of(String connectString, int sessionTimeoutMillis) {
        return new ClientConfig(ConnectString.parse(connectString), sessionTimeoutMillis, DEFAULT_MAX_PACKET_BYTES,
                false, RandomGenerator.of("L64X128MixRandom"), Optional.empty());
    }

    public ClientConfig withMaxPacketBytes(int bytes) {
        return new ClientConfig(connectString, sessionTimeoutMillis, bytes, canBeReadOnly, random, session);
    }

    public ClientConfig withCanBeReadOnly(boolean allowed) {
        return new ClientConfig(connectString, sessionTimeoutMillis, maxPacketBytes, allowed, random, session);
    }

    /** Fixes the host shuffle, e.g. with a seeded generator in tests. */
    public ClientConfig withRandom(RandomGenerator generator) {
        return new ClientConfig(connectString, sessionTimeoutMillis, maxPacketBytes, canBeReadOnly, generator,
                session);
    }

    /** Resumes an existing session instead of creating one. */
    public ClientConfig withSession(long sessionId, byte[] password) {
        return new ClientConfig(connectString, sessionTimeoutMillis, maxPacketBytes, canBeReadOnly, random,
                Optional.of(new SessionCredentials(sessionId, password)));
    }

    /** A session id and its password, as the server handed them out. */
    public record SessionCredentials(long sessionId, byte[] password) {
        public SessionCredentials {
            password = password.clone();
        }

        @Override
        public byte[] password() {
            return password.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SessionCredentials that && that.sessionId == sessionId
                    && Arrays.equals(that.password, password);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(sessionId) * 31 + Arrays.hashCode(password);
        }

        @Override
        public String toString() {
            return "SessionCredentials[sessionId=0x" + Long.toHexString(sessionId) + "]";
        }
    }
}
