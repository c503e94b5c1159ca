package dev.glasshouse.engine.request;

/**
 * The configuration the pipeline needs, taken from zoo.cfg by the composition root.
 *
 * @param memberId                     this member's id, the top byte of the session ids it issues
 * @param minSessionTimeoutMillis      lower bound of negotiated session timeouts
 * @param maxSessionTimeoutMillis      upper bound of negotiated session timeouts
 * @param extendedTypesEnabled         whether TTL nodes may be created
 * @param containerCheckIntervalMillis how often empty containers and expired TTL nodes are reaped
 * @param containerMaxPerMinute        how many such nodes may be reaped per minute
 * @param enforceQuota                 whether hard quota limits fail writes with QUOTA_EXCEEDED
 */
public record PipelineSettings(int memberId, int minSessionTimeoutMillis, int maxSessionTimeoutMillis,
                               boolean extendedTypesEnabled, long containerCheckIntervalMillis,
                               int containerMaxPerMinute, boolean enforceQuota) {

    /** Settings with quotas not enforced, ZooKeeper's default. */
    public PipelineSettings(int memberId, int minSessionTimeoutMillis, int maxSessionTimeoutMillis,
                            boolean extendedTypesEnabled, long containerCheckIntervalMillis,
                            int containerMaxPerMinute) {
        this(memberId, minSessionTimeoutMillis, maxSessionTimeoutMillis, extendedTypesEnabled,
                containerCheckIntervalMillis, containerMaxPerMinute, false);
    }
}
