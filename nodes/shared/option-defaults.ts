/**
 * The one home of the options' defaults and bounds: what the node's fields show as default and
 * limit, and what the engine uses when a field is empty, read from the same constants.
 */

/** Options › Poll Interval's default: 0 = no fixed cadence, each task's reads follow what is known (poll-schedule.ts). */
export const DEFAULT_POLL_INTERVAL_S = 0;
/** Options › Poll Interval's largest value. */
export const MAX_POLL_INTERVAL_S = 3600;
/** Options › Timeout's default, in seconds: for polling and for a parked batch. */
export const DEFAULT_TIMEOUT_S = 1200;
/** The longest a node may be told to wait: 7 days (a parked batch; polling that long holds a worker). */
export const MAX_TIMEOUT_S = 7 * 24 * 3600;
/** Options › Max Download Size (MB)'s default: far above any video QingBo makes, far below a full disk. */
export const DEFAULT_MAX_DOWNLOAD_MB = 2048;
/** The same, in bytes: what a download is held to when the field is empty. */
export const DEFAULT_MAX_DOWNLOAD_BYTES = DEFAULT_MAX_DOWNLOAD_MB * 1024 ** 2;
