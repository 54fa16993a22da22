package io.newsradar.alert.spike;

/**
 * When an hour's count of a search's matches is a spike against the search's own baseline (the mean and standard
 * deviation of its hourly counts over its history, at most {@link SpikeDetector#HISTORY_HOURS} hours) when
 * <pre>level = max(mean, recentMean)
 * count >= max(floor, level + sigmas * sd, ratio * level)</pre>
 * where {@code recentMean} is the mean of the {@code recentHours} hours just before, and the history covers at least
 * {@code minHistoryHours} hours. The recent mean lets the level follow a slow rise, and keeps a level the search has
 * held for the last half day or so from raising spikes again while the four-week mean is still catching up with it.
 *
 * @param floor           the fewest articles in an hour that can be a spike, so a quiet search does not alarm on two
 * @param sigmas          how many standard deviations above the mean the count must reach
 * @param ratio           how many times the mean the count must reach, so a steady busy search with a small deviation
 *                        does not alarm on ordinary wobble
 * @param minHistoryHours the shortest history (hours since the search's first match) a baseline needs
 * @param recentHours     the hours just before whose mean is the level when it is above the four-week mean
 */
public record SpikeRule(int floor, double sigmas, double ratio, int minHistoryHours, int recentHours) {

    /** floor 5, mean + 3·sd, twice the mean and twice the last day's mean, one day of history. */
    public static final SpikeRule DEFAULT = new SpikeRule(5, 3.0, 2.0, 24, 24);

    public SpikeRule {
        if (floor < 1) {
            throw new IllegalArgumentException("a spike's floor must be at least 1 article, was " + floor);
        }
        if (!(sigmas >= 0) || !(ratio >= 1)) {
            throw new IllegalArgumentException("a spike needs sigmas >= 0 and ratio >= 1, was " + sigmas + " and " + ratio);
        }
        if (minHistoryHours < 1 || minHistoryHours >= SpikeDetector.HISTORY_HOURS) {
            throw new IllegalArgumentException("a spike's minimum history must be between 1 and "
                    + (SpikeDetector.HISTORY_HOURS - 1) + " hours, was " + minHistoryHours);
        }
        if (recentHours < 1 || recentHours > minHistoryHours) {
            throw new IllegalArgumentException("a spike's recent hours must be between 1 and its minimum history ("
                    + minHistoryHours + "), was " + recentHours);
        }
    }

    /** The count an hour must reach against a baseline of this mean and standard deviation and this recent mean. */
    double threshold(double mean, double sd, double recentMean) {
        double level = Math.max(mean, recentMean);
        return Math.max(floor, Math.max(level + sigmas * sd, ratio * level));
    }
}
