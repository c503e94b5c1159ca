package dev.glasshouse.engine.compat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The security and quota settings every in-process Apache ZooKeeper server of the test run gets:
 * a known super user and {@code enforceQuota}. ZooKeeper reads both into static finals when
 * {@code DigestAuthenticationProvider} and {@code ZooKeeperServer} initialise, so every fixture
 * that starts a reference server calls {@link #apply()} first; the properties are set, both
 * classes initialised, and the previous values restored, so no other code sees them.
 * Glasshouse test servers are configured with the same values.
 */
public final class ReferenceServerProperties {
    /** The super user's password, known only to tests. */
    public static final String SUPER_CREDENTIALS = "super:glasshouse-test-super";
    /** {@code super:base64(sha1(SUPER_CREDENTIALS))}, the configured super digest. */
    public static final String SUPER_DIGEST = Digests.id("super", "glasshouse-test-super").getId();

    private static boolean applied;

    private ReferenceServerProperties() {
    }

    /** Initialises the reference server's static settings once per JVM. */
    public static synchronized void apply() {
        if (applied) {
            return;
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("zookeeper.DigestAuthenticationProvider.superDigest", SUPER_DIGEST);
        wanted.put("zookeeper.enforceQuota", "true");
        Map<String, Optional<String>> previous = new LinkedHashMap<>();
        wanted.forEach((key, value) -> previous.put(key, Optional.ofNullable(System.setProperty(key, value))));
        try {
            Class.forName("org.apache.zookeeper.server.auth.DigestAuthenticationProvider", true,
                    ReferenceServerProperties.class.getClassLoader());
            Class.forName("org.apache.zookeeper.server.ZooKeeperServer", true,
                    ReferenceServerProperties.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the ZooKeeper server is a test dependency", e);
        } finally {
            previous.forEach((key, value) -> {
                if (value.isPresent()) {
                    System.setProperty(key, value.get());
                } else {
                    System.clearProperty(key);
                }
            });
        }
        applied = true;
    }
}
