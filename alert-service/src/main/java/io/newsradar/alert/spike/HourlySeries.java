package io.newsradar.alert.spike;

/**
 * One search's matches per hour over the last {@link SpikeDetector#HISTORY_HOURS} hours: a ring of counts indexed by
 * hour (hours since the epoch, UTC), with a flag per hour saying whether the hour went over its threshold. Not
 * thread-safe: the {@link SpikeDetector} guards it.
 */
final class HourlySeries {

    private static final int SIZE = SpikeDetector.HISTORY_HOURS;

    private final int[] counts = new int[SIZE];
    private final boolean[] over = new boolean[SIZE];
    /** The newest hour counted. */
    private long newest;
    /** The oldest hour counted since the series began: the history does not reach further back. */
    private long oldest;

    HourlySeries(long hour) {
        this.newest = hour;
        this.oldest = hour;
    }

    /** Whether the ring still holds this hour (it is not older than the history). */
    boolean holds(long hour) {
        return hour > newest - SIZE;
    }

    /**
     * Counts one match in its hour, moving the ring forward (and clearing the hours it leaves behind) when the hour is
     * newer than any before. The hour must be one the ring {@link #holds}.
     *
     * @return the hour's count now
     */
    int add(long hour) {
        if (hour > newest) {
            long steps = Math.min(hour - newest, SIZE);
            for (long h = hour - steps + 1; h <= hour; h++) {
                counts[slot(h)] = 0;
                over[slot(h)] = false;
            }
            newest = hour;
        }
        oldest = Math.max(Math.min(oldest, hour), newest - SIZE + 1);
        return ++counts[slot(hour)];
    }

    /** The hours of history before this hour: from the oldest held up to the hour before it. */
    int historyBefore(long hour) {
        return (int) Math.max(0, hour - Math.max(oldest, newest - SIZE + 1));
    }

    /** Mean and population standard deviation of the counts of the {@code hours} hours before {@code hour}. */
    double[] baselineBefore(long hour, int hours) {
        double sum = 0;
        double squares = 0;
        for (long h = hour - hours; h < hour; h++) {
            int c = counts[slot(h)];
            sum += c;
            squares += (double) c * c;
        }
        double mean = sum / hours;
        return new double[] {mean, Math.sqrt(Math.max(0, squares / hours - mean * mean))};
    }

    boolean over(long hour) {
        return holds(hour) && hour >= oldest && over[slot(hour)];
    }

    void markOver(long hour) {
        over[slot(hour)] = true;
    }

    private static int slot(long hour) {
        return (int) Math.floorMod(hour, (long) SIZE);
    }
}
