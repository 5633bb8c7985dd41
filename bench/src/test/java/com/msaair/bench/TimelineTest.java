package com.msaair.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static Map<Double, Double> buckets(double... boundsAndCounts) {
        Map<Double, Double> cumulative = new TreeMap<>();
        for (int i = 0; i < boundsAndCounts.length; i += 2) {
            cumulative.put(boundsAndCounts[i], boundsAndCounts[i + 1]);
        }
        return cumulative;
    }

    @Test
    void aQuantileIsInterpolatedInsideItsBucketAsPrometheusDoes() {
        // 100 requests: 50 under 10 ms, 90 under 100 ms, all under 1 s.
        Map<Double, Double> interval = buckets(0.01, 50, 0.1, 90, 1.0, 100, Double.POSITIVE_INFINITY, 100);
        assertThat(Timeline.quantile(interval, 0.5)).hasValueSatisfying(q -> assertThat(q).isCloseTo(0.01, within(1e-9)));
        assertThat(Timeline.quantile(interval, 0.7)).hasValueSatisfying(q -> assertThat(q).isCloseTo(0.055, within(1e-9)));
        assertThat(Timeline.quantile(interval, 0.99)).hasValueSatisfying(q -> assertThat(q).isCloseTo(0.91, within(1e-9)));
    }

    @Test
    void anIntervalWithoutRequestsHasNoQuantileAndOneBeyondTheLastBoundAnswersThatBound() {
        assertThat(Timeline.quantile(buckets(0.01, 0, Double.POSITIVE_INFINITY, 0), 0.5)).isEmpty();
        assertThat(Timeline.quantile(buckets(0.01, 0, 1.0, 0, Double.POSITIVE_INFINITY, 5), 0.99)).hasValue(1.0);
    }
}
