package com.msaair.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The run over time, read from reservation's own metrics every {@value #PERIOD_MS} ms (what an operator's
 * Prometheus would see): bookings per second (msaair_bookings_total), the p50 and p99 of the booking
 * requests that booked (201 and 202, from the HTTP histogram's buckets, per interval) and the consumer lag of every group reading
 * what reservation publishes (msaair_consumer_lag). Drawn as one PNG of three panels (JFreeChart,
 * headless).
 */
final class Timeline implements AutoCloseable {

    static final long PERIOD_MS = 2000;
    private static final String BOOKING_ROUTE = "http_route=\"/api/reservations\"";
    /** Bookings made (201, 202): refusals are answered in microseconds and would make the latency look better than it was. */
    private static final java.util.regex.Pattern BOOKED = java.util.regex.Pattern.compile("http_response_status_code=\"20[12]\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private final URI metrics;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private final long started = System.nanoTime();

    /** One scrape: seconds since the start, bookings answered so far, the POST's cumulative buckets, the summed lag. */
    record Sample(double at, double bookings, TreeMap<Double, Double> buckets, double lag) {}

    Timeline(String reservationUrl) {
        this.metrics = URI.create(reservationUrl + "/metrics");
    }

    Timeline start() {
        scheduler.scheduleAtFixedRate(this::scrape, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private void scrape() {
        try {
            String text = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
            double bookings = 0;
            double lag = 0;
            TreeMap<Double, Double> buckets = new TreeMap<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("msaair_bookings_total{")) {
                    bookings += value(line);
                } else if (line.startsWith("msaair_consumer_lag{")) {
                    lag += value(line);
                } else if (line.startsWith("http_server_request_duration_seconds_bucket{") && line.contains(BOOKING_ROUTE)
                        && line.contains("http_request_method=\"POST\"") && BOOKED.matcher(line).find()) {
                    String le = line.substring(line.indexOf("le=\"") + 4);
                    le = le.substring(0, le.indexOf('"'));
                    double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                    buckets.merge(bound, value(line), Double::sum); // summed over the status codes
                }
            }
            samples.add(new Sample((System.nanoTime() - started) / 1e9, bookings, buckets, lag));
        } catch (IOException | RuntimeException e) {
            // a missed scrape leaves a gap
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    /** Writes the three panels to {@code png}. */
    void draw(Path png, String title) throws IOException {
        List<Sample> points = List.copyOf(samples);
        XYSeries rate = new XYSeries("bookings/s");
        XYSeries p50 = new XYSeries("p50");
        XYSeries p99 = new XYSeries("p99");
        XYSeries lag = new XYSeries("records behind (all groups)");
        for (int i = 1; i < points.size(); i++) {
            Sample before = points.get(i - 1);
            Sample now = points.get(i);
            double seconds = now.at() - before.at();
            rate.add(now.at(), Math.max(0, (now.bookings() - before.bookings()) / seconds));
            Map<Double, Double> delta = new TreeMap<>();
            now.buckets().forEach((bound, count) -> delta.put(bound, count - before.buckets().getOrDefault(bound, 0.0)));
            quantile(delta, 0.5).ifPresent(q -> p50.add(now.at(), q * 1000));
            quantile(delta, 0.99).ifPresent(q -> p99.add(now.at(), q * 1000));
            lag.add(now.at(), now.lag());
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("seconds since the measurement began"));
        plot.add(panel(new XYSeriesCollection(rate), "bookings/s"), 1);
        XYSeriesCollection latency = new XYSeriesCollection();
        latency.addSeries(p50);
        latency.addSeries(p99);
        plot.add(panel(latency, "booking latency ms"), 1);
        plot.add(panel(new XYSeriesCollection(lag), "consumer lag"), 1);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Files.createDirectories(png.getParent());
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, 750);
    }

    /** The summed consumer lag at each scrape, as (seconds since {@code since}, a System.nanoTime; records behind). */
    List<double[]> lag(long since) {
        double offset = (started - since) / 1e9;
        return List.copyOf(samples).stream().map(s -> new double[] {s.at() + offset, s.lag()}).toList();
    }

    static XYPlot panel(XYSeriesCollection data, String label) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        XYPlot plot = new XYPlot(data, null, new NumberAxis(label), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    /** The q-quantile of one interval's bucket counts, interpolated within its bucket as Prometheus' histogram_quantile does. */
    static java.util.Optional<Double> quantile(Map<Double, Double> cumulative, double q) {
        double total = cumulative.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return java.util.Optional.empty();
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : new TreeMap<>(cumulative).entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return java.util.Optional.of(lowerBound);
                }
                double inBucket = bucket.getValue() - lowerCount;
                double fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
                return java.util.Optional.of(lowerBound + (bucket.getKey() - lowerBound) * fraction);
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return java.util.Optional.of(lowerBound);
    }
}
