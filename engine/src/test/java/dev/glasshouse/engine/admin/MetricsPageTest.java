package dev.glasshouse.engine.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.zookeeper.server.admin.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus page on {@code metricsProvider.httpPort}: it parses as Prometheus text and its
 * metric names are ZooKeeper's (the monitor keys, which ZooKeeper's Prometheus provider exports
 * without prefix), with the latency and fsync summaries a ZooKeeper dashboard queries.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsPageTest {
    private OpsTargets targets;
    private int metricsPort;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        targets = OpsTargets.start(dir);
        metricsPort = targets.glasshouse.metricsPort().orElseThrow();
    }

    @AfterAll
    void stop() throws Exception {
        if (targets != null) {
            targets.close();
        }
    }

    private Map<String, PrometheusTextParser.Family> scrape(String path) throws Exception {
        HttpResponse<String> response = HttpGet.get(metricsPort, path, Optional.empty());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PrometheusText.CONTENT_TYPE);
        return PrometheusTextParser.parse(response.body());
    }

    @Test
    void pageParsesAsPrometheusTextWithZooKeeperGaugeNames() throws Exception {
        Map<String, PrometheusTextParser.Family> families = scrape("/metrics");
        Set<String> referenceNames = Commands.getCommand("monitor").runGet(targets.reference, new HashMap<>())
                .toMap().keySet();
        families.forEach((name, family) -> {
            if (family.type().equals("gauge")) {
                assertThat(referenceNames).as("gauge " + name).contains(name);
            }
        });
        assertThat(families.keySet()).containsAll(List.of("znode_count", "watch_count", "ephemerals_count",
                "outstanding_requests", "num_alive_connections", "packets_received", "packets_sent",
                "avg_latency", "min_latency", "max_latency", "approximate_data_size", "global_sessions"));
        assertThat(families.get("znode_count").samples()).containsEntry("znode_count", 6.0);
        assertThat(families.get("ephemerals_count").samples()).containsEntry("ephemerals_count", 1.0);
    }

    @Test
    void latencyAndFsyncAreSummariesWithCountAndSum() throws Exception {
        Map<String, PrometheusTextParser.Family> families = scrape("/metrics");
        for (String name : List.of("readlatency", "updatelatency", "fsynctime")) {
            PrometheusTextParser.Family family = families.get(name);
            assertThat(family).as(name).isNotNull();
            assertThat(family.type()).isEqualTo("summary");
            assertThat(family.samples()).containsKeys(name + "{quantile=\"0.5\"}", name + "_count", name + "_sum");
        }
        // The fixture's session created /a and read it; an in-memory member has no fsync yet.
        assertThat(families.get("updatelatency").samples().get("updatelatency_count")).isGreaterThanOrEqualTo(1.0);
        assertThat(families.get("readlatency").samples().get("readlatency_count")).isGreaterThanOrEqualTo(3.0);
        assertThat(families.get("fsynctime").samples()).containsEntry("fsynctime_count", 0.0);
    }

    @Test
    void rootPathServesTheSamePageAndOtherPathsAreNotFound() throws Exception {
        assertThat(scrape("/").keySet()).contains("znode_count");
        assertThat(HttpGet.get(metricsPort, "/nope", Optional.empty()).statusCode()).isEqualTo(404);
    }
}
