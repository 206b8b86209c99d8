package dev.openhands.jiradc.bench;

import java.util.Collection;
import java.util.List;

/** The least, the median and the greatest of a figure over the benchmark's turns; NaNs (nothing measured) left out. */
record Spread(double min, double median, double max) {

    static Spread of(Collection<Double> values) {
        List<Double> sorted = values.stream().filter(value -> !value.isNaN()).sorted().toList();
        if (sorted.isEmpty()) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN);
        }
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return new Spread(sorted.get(0), median, sorted.get(sorted.size() - 1));
    }
}
