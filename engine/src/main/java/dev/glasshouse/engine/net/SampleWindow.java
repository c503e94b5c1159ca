package dev.glasshouse.engine.net;

import dev.glasshouse.engine.admin.api.Distribution;
import java.util.Arrays;

/**
 * Count and sum of every sample since the last reset, and the most recent {@link #CAPACITY}
 * samples for min, max and quantiles. Thread-safe; recording is a few stores under a lock, and the
 * sort happens only when someone asks for a {@link #snapshot()}.
 */
public final class SampleWindow {
    static final int CAPACITY = 1024;

    private final double[] recent = new double[CAPACITY];
    private long count;
    private double sum;

    public synchronized void record(double value) {
        recent[(int) (count % CAPACITY)] = value;
        count++;
        sum += value;
    }

    public synchronized void reset() {
        count = 0;
        sum = 0;
    }

    public Distribution snapshot() {
        double[] window;
        long total;
        double totalSum;
        synchronized (this) {
            total = count;
            totalSum = sum;
            window = Arrays.copyOf(recent, (int) Math.min(count, CAPACITY));
        }
        if (window.length == 0) {
            return Distribution.EMPTY;
        }
        Arrays.sort(window);
        return new Distribution(total, totalSum, window[0], window[window.length - 1], quantile(window, 0.5),
                quantile(window, 0.95), quantile(window, 0.99), quantile(window, 0.999));
    }

    private static double quantile(double[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
