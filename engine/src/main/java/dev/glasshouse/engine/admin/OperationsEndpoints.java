package dev.glasshouse.engine.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of a member's operations surface: ZooKeeper's AdminServer
 * ({@code GET <commandUrl>/<command>} answering JSON, {@code GET <commandUrl>} listing the
 * commands) and, when configured, the Prometheus metrics page ({@code GET /metrics}). Either
 * listener may be absent. {@link #close()} stops both.
 */
public final class OperationsEndpoints implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OperationsEndpoints.class);
    private static final String JSON = "application/json; charset=utf-8";

    private final Optional<HttpListener> admin;
    private final Optional<HttpListener> metrics;

    private OperationsEndpoints(Optional<HttpListener> admin, Optional<HttpListener> metrics) {
        this.admin = admin;
        this.metrics = metrics;
    }

    /**
     * Binds the AdminServer when {@code adminAddress} is present and the metrics page when
     * {@code metricsAddress} is. A port that cannot be bound is logged at WARN and left out, as
     * ZooKeeper does, so that the client port keeps serving.
     */
    public static OperationsEndpoints start(Optional<InetSocketAddress> adminAddress, String commandUrl,
                                            Optional<InetSocketAddress> metricsAddress, AdminCommands commands,
                                            MemberStatus status) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String prefix = commandUrl.endsWith("/") ? commandUrl.substring(0, commandUrl.length() - 1) : commandUrl;
        Optional<HttpListener> admin = adminAddress.flatMap(address -> bind(address, "admin-server",
                (method, path, authorization) -> adminAnswer(commands, json, prefix, path, authorization)));
        Optional<HttpListener> metrics = metricsAddress.flatMap(address -> bind(address, "metrics-server",
                (method, path, authorization) -> metricsAnswer(status, path)));
        admin.ifPresent(listener -> log.info("AdminServer started address={} commandUrl={}",
                listener.localAddress(), prefix));
        metrics.ifPresent(listener -> log.info("Metrics page started address={} path=/metrics",
                listener.localAddress()));
        return new OperationsEndpoints(admin, metrics);
    }

    private static Optional<HttpListener> bind(InetSocketAddress address, String name, HttpRoutes routes) {
        try {
            return Optional.of(HttpListener.bind(address, name, routes));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException e) {
            log.warn("Could not start {} address={} reason=\"{}\"; clients are still served. Free the port or set"
                    + " another one in the configuration.", name, address, e.toString());
            return Optional.empty();
        }
    }

    private static CompletableFuture<HttpAnswer> adminAnswer(AdminCommands commands, ObjectMapper json,
                                                             String prefix, String path,
                                                             Optional<String> authorization) {
        if (path.equals(prefix) || path.equals(prefix + "/")) {
            return CompletableFuture.completedFuture(HttpAnswer.text(200, "text/html; charset=utf-8",
                    index(commands, prefix)));
        }
        if (!path.startsWith(prefix + "/")) {
            return CompletableFuture.completedFuture(HttpAnswer.text(404, "text/plain; charset=utf-8",
                    "Not found: " + path + ". Commands are under " + prefix + "/\n"));
        }
        String name = path.substring(prefix.length() + 1);
        return commands.run(name, authorization).thenApply(result -> toJson(json, result));
    }

    private static HttpAnswer toJson(ObjectMapper json, Map.Entry<Integer, Map<String, Object>> result) {
        try {
            return new HttpAnswer(result.getKey(), JSON, json.writeValueAsBytes(result.getValue()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("admin command result is not serialisable: " + result.getValue(), e);
        }
    }

    private static String index(AdminCommands commands, String prefix) {
        StringBuilder html = new StringBuilder("<html>\n<head><title>Glasshouse AdminServer</title></head>\n<body>\n"
                + "<h1>Commands</h1>\n");
        for (String name : commands.primaryNames()) {
            html.append("<a href=\"").append(prefix).append('/').append(name).append("\">").append(name)
                    .append("</a><br/>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static CompletableFuture<HttpAnswer> metricsAnswer(MemberStatus status, String path) {
        if (!path.equals("/metrics") && !path.equals("/")) {
            return CompletableFuture.completedFuture(HttpAnswer.text(404, "text/plain; charset=utf-8",
                    "Not found: " + path + ". Metrics are at /metrics\n"));
        }
        return status.state().thenApply(state -> HttpAnswer.text(200, PrometheusText.CONTENT_TYPE,
                PrometheusText.render(status, state)));
    }

    /** The AdminServer's bound port, empty when it is not running. */
    public OptionalInt adminPort() {
        return admin.map(listener -> OptionalInt.of(listener.localAddress().getPort())).orElse(OptionalInt.empty());
    }

    /** The metrics page's bound port, empty when it is not running. */
    public OptionalInt metricsPort() {
        return metrics.map(listener -> OptionalInt.of(listener.localAddress().getPort()))
                .orElse(OptionalInt.empty());
    }

    @Override
    public void close() {
        admin.ifPresent(HttpListener::close);
        metrics.ifPresent(HttpListener::close);
    }
}
