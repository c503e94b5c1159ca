package dev.glasshouse.engine.admin;

import dev.glasshouse.engine.admin.api.Distribution;
import dev.glasshouse.engine.admin.api.MemberState;

/**
 * The metrics page in Prometheus' text exposition format 0.0.4, with the metric names ZooKeeper's
 * Prometheus provider uses: the {@code mntr} keys without their {@code zk_} prefix as gauges, and
 * the latency and fsync summaries with quantiles, {@code _count} and {@code _sum}.
 */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    static String render(MemberStatus status, MemberState state) {
        StringBuilder out = new StringBuilder();
        MonitorValues.values(status, state).forEach((name, value) -> {
            if (value instanceof Number number) {
                header(out, name, "gauge");
                out.append(name).append(' ').append(number(number.doubleValue())).append('\n');
            }
        });
        MonitorValues.summaries(status).forEach((name, summary) -> summary(out, name, summary));
        return out.toString();
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
