package com.msaair.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The surge second by second, as the clients saw it, and the consumer lag the servers reported: one PNG of three panels. */
final class SurgeChart {

    private SurgeChart() {}

    /**
     * @param lag         (seconds since the load began, records behind) from {@link Timeline#lag(long)}
     * @param surgeStart  the second the surge began
     * @param surgeEnd    the second it ended
     */
    static void draw(List<OpenLoop.Result.Second> seconds, List<double[]> lag, int surgeStart, int surgeEnd, Path png, String title) throws IOException {
        XYSeries arrivals = new XYSeries("arrivals/s");
        XYSeries accepted = new XYSeries("accepted (201, 202)/s");
        XYSeries shed = new XYSeries("shed (429/503 + Retry-After)/s");
        XYSeries errors = new XYSeries("errors/s");
        XYSeries p50 = new XYSeries("accepted p50");
        XYSeries p99 = new XYSeries("accepted p99");
        XYSeries target = new XYSeries("target: p99 < 1 s");
        for (OpenLoop.Result.Second s : seconds) {
            double at = s.second() + 0.5;
            arrivals.add(at, s.arrivals());
            accepted.add(at, s.accepted());
            shed.add(at, s.shed());
            errors.add(at, s.errors());
            if (s.accepted() > 0) {
                p50.add(at, s.p50Ms());
                p99.add(at, s.p99Ms());
            }
            target.add(at, SurgeMode.ACCEPTED_P99_MS);
        }
        XYSeries behind = new XYSeries("records behind (all groups)");
        lag.stream().filter(point -> point[0] >= 0).forEach(point -> behind.add(point[0], point[1]));

        XYSeriesCollection rates = new XYSeriesCollection();
        List.of(arrivals, accepted, shed, errors).forEach(rates::addSeries);
        XYSeriesCollection latency = new XYSeriesCollection();
        List.of(p50, p99, target).forEach(latency::addSeries);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("seconds since the load began"));
        for (XYPlot panel : List.of(Timeline.panel(rates, "requests/s"), Timeline.panel(latency, "latency ms (from due time)"),
                Timeline.panel(new XYSeriesCollection(behind), "consumer lag"))) {
            for (int second : List.of(surgeStart, surgeEnd)) {
                ValueMarker marker = new ValueMarker(second, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {4f, 4f}, 0f));
                panel.addDomainMarker(marker);
            }
            plot.add(panel, 1);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Files.createDirectories(png.getParent());
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, 850);
    }
}
