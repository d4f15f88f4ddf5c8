package org.confab.bench.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code bench plot}: draws latency against offered load from result lines (one JSON object per
 * line, as {@code --json} prints them) into a PNG, one line per series (scenario + label, p50 and
 * p99), latency on a logarithmic axis.
 */
final class LatencyPlot {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final int LEFT = 80;
    private static final int RIGHT = 230;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Color[] COLORS = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b) };

    record Point(double rate, double millis) {
    }

    Report run(Options options) throws IOException {
        Path input = Path.of(options.text("input", "docs/perf-results.jsonl"));
        Path output = Path.of(options.text("output", "docs/perf-latency.png"));
        Map<String, List<Point>> series = new LinkedHashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : Files.readAllLines(input)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode result = mapper.readTree(line);
            if (!result.has("p99ms") || !result.has("targetRate")) {
                continue;
            }
            String name = result.path("scenario").asText() + (result.has("label") ? " " + result.get("label").asText() : "");
            double rate = result.get("throughputPerSecond").asDouble();
            series.computeIfAbsent(name + " p50", k -> new ArrayList<>()).add(new Point(rate, result.get("p50ms").asDouble()));
            series.computeIfAbsent(name + " p99", k -> new ArrayList<>()).add(new Point(rate, result.get("p99ms").asDouble()));
        }
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no results with latencies in " + input);
        }
        ImageIO.write(draw(series), "png", output.toFile());
        return new Report().put("scenario", "plot").put("series", series.size()).put("output", output.toString());
    }

    private static BufferedImage draw(Map<String, List<Point>> series) {
        double maxRate = series.values().stream().flatMap(List::stream).mapToDouble(Point::rate).max().orElse(1);
        double minMs = Math.max(0.01, series.values().stream().flatMap(List::stream).mapToDouble(Point::millis).min().orElse(0.1));
        double maxMs = Math.max(minMs * 10, series.values().stream().flatMap(List::stream).mapToDouble(Point::millis).max().orElse(1));
        double lowDecade = Math.floor(Math.log10(minMs));
        double highDecade = Math.ceil(Math.log10(maxMs));
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        g.setColor(Color.LIGHT_GRAY);
        for (double decade = lowDecade; decade <= highDecade; decade++) {
            int y = TOP + (int) (plotHeight * (highDecade - decade) / (highDecade - lowDecade));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(formatMillis(Math.pow(10, decade)), 10, y + 4);
            g.setColor(Color.LIGHT_GRAY);
        }
        for (int tick = 0; tick <= 5; tick++) {
            int x = LEFT + plotWidth * tick / 5;
            g.drawLine(x, TOP, x, TOP + plotHeight);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format("%,.0f", maxRate * tick / 5), x - 15, TOP + plotHeight + 18);
            g.setColor(Color.LIGHT_GRAY);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotWidth, plotHeight);
        g.drawString("delivered messages per second", LEFT + plotWidth / 2 - 80, HEIGHT - 15);
        g.drawString("send → delivery latency (ms, log scale) against load", LEFT, 30);
        int index = 0;
        for (Map.Entry<String, List<Point>> entry : series.entrySet()) {
            Color color = COLORS[(index / 2) % COLORS.length];
            boolean p99 = entry.getKey().endsWith("p99");
            g.setColor(color);
            g.setStroke(p99 ? new BasicStroke(2f) : new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] { 6f, 4f }, 0f));
            List<Point> points = entry.getValue().stream().sorted((a, b) -> Double.compare(a.rate(), b.rate())).toList();
            int previousX = -1;
            int previousY = -1;
            for (Point point : points) {
                int x = LEFT + (int) (plotWidth * point.rate() / maxRate);
                double log = Math.log10(Math.max(point.millis(), Math.pow(10, lowDecade)));
                int y = TOP + (int) (plotHeight * (highDecade - log) / (highDecade - lowDecade));
                g.fillOval(x - 3, y - 3, 6, 6);
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
            int legendY = TOP + 10 + index * 20;
            g.drawLine(LEFT + plotWidth + 15, legendY, LEFT + plotWidth + 45, legendY);
            g.setColor(Color.BLACK);
            g.drawString(entry.getKey(), LEFT + plotWidth + 52, legendY + 4);
            index++;
        }
        g.dispose();
        return image;
    }

    private static String formatMillis(double millis) {
        return millis >= 1 ? String.format("%,.0f ms", millis) : String.format("%.2f ms", millis);
    }
}
