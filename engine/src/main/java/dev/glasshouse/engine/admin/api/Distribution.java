package dev.glasshouse.engine.admin.api;

/**
 * A summary of recent samples of one measurement (latencies, fsync times), in the unit its user
 * names: count and sum since the last reset, and min, max and quantiles over a recent window.
 * Quantiles are {@code NaN} while nothing was measured, as Prometheus summaries show them.
 */
public record Distribution(long count, double sum, double min, double max, double p50, double p95, double p99,
                           double p999) {

    /** Nothing measured yet. */
    public static final Distribution EMPTY = new Distribution(0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN);

    /** The mean, 0 when nothing was measured. */
    public double avg() {
        return count == 0 ? 0 : sum / count;
    }
}
