package dev.glasshouse.engine.admin;

import dev.glasshouse.engine.admin.api.Distribution;
import dev.glasshouse.engine.admin.api.MemberState;
import dev.glasshouse.engine.admin.api.QuorumState;

/**
 * The metrics page in Prometheus' text exposition format 0.0.4, with the metric names ZooKeeper's
 * Prometheus provider uses: the {@code mntr} keys without their {@code zk_} prefix as gauges, and
 * the latency and fsync summaries with quantiles, {@code _count} and {@code _sum}. A replicated
 * member adds Glasshouse's own gauges {@code election_round}, {@code current_epoch} and
 * {@code accepted_epoch}, which ZooKeeper does not export; a standalone page has only ZooKeeper's names.
 */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    static String render(MemberStatus status, MemberState state) {
        StringBuilder out = new StringBuilder();
        QuorumState quorum = status.quorum();
        MonitorValues.values(status, state, quorum).forEach((name, value) -> {
            if (value instanceof Number number) {
                gauge(out, name, number.doubleValue());
            }
        });
        if (!quorum.isStandalone()) {
            gauge(out, "election_round", quorum.electionRound());
            gauge(out, "current_epoch", quorum.currentEpoch());
            gauge(out, "accepted_epoch", quorum.acceptedEpoch());
        }
        MonitorValues.summaries(status).forEach((name, summary) -> summary(out, name, summary));
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, double value) {
        header(out, name, "gauge");
        out.append(name).append(' ').append(number(value)).append('\n');
    }

    private static void summary(StringBuilder out, String name, Distribution summary) {
        header(out, name, "summary");
        quantile(out, name, "0.5", summary.p50());
        quantile(out, name, "0.95", summary.p95());
        quantile(out, name, "0.99", summary.p99());
        out.append(name).append("_count ").append(number(summary.count())).append('\n');
        out.append(name).append("_sum ").append(number(summary.sum())).append('\n');
    }

    private static void quantile(StringBuilder out, String name, String quantile, double value) {
        out.append(name).append("{quantile=\"").append(quantile).append("\"} ").append(number(value)).append('\n');
    }

    private static void header(StringBuilder out, String name, String type) {
        out.append("# HELP ").append(name).append(' ').append(name).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        return Double.toString(value);
    }
}
