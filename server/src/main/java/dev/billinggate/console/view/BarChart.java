package dev.billinggate.console.view;

import dev.billinggate.console.web.Html;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An inline SVG bar chart: no script, no external image, and readable without sight because each
 * bar carries its label and amount as a {@code <title>} and the figure has a text description.
 */
public final class BarChart {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 220;
  private static final int AXIS = 24;

  private BarChart() {}

  public static Html render(String description, Map<String, BigDecimal> values) {
    BigDecimal max = values.values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    int count = Math.max(values.size(), 1);
    double slot = (double) WIDTH / count;
    double barWidth = Math.max(2, slot * 0.7);
    List<Html> bars = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, BigDecimal> entry : values.entrySet()) {
      double height = max.signum() <= 0 ? 0
          : entry.getValue().max(BigDecimal.ZERO).divide(max, 6, RoundingMode.HALF_UP).doubleValue() * (HEIGHT - AXIS - 8);
      double x = i * slot + (slot - barWidth) / 2;
      double y = HEIGHT - AXIS - height;
      bars.add(Html.of("<rect class=\"bar\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"><title>%s: %s</title></rect>",
          fmt(x), fmt(y), fmt(barWidth), fmt(height), entry.getKey(), Money.usd(entry.getValue())));
      // Label every bar when there are few; otherwise every seventh, so labels never overlap.
      if (values.size() <= 12 || i % 7 == 0) {
        bars.add(Html.of("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\">%s</text>", fmt(x + barWidth / 2),
            fmt(HEIGHT - 6), shortLabel(entry.getKey())));
      }
      i++;
    }
    return Html.of("""
        <figure class="chart"><svg viewBox="-24 0 %s %s" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg">
        <line class="axis" x1="0" y1="%s" x2="%s" y2="%s"></line>%s</svg></figure>""",
        WIDTH + 48, HEIGHT, description, HEIGHT - AXIS, WIDTH, HEIGHT - AXIS, Html.join(bars));
  }

  /** {@code 2026-11-05} → {@code 11-05}; months stay {@code 2026-11}. */
  private static String shortLabel(String period) {
    return period.length() == 10 ? period.substring(5) : period;
  }

  private static String fmt(double value) {
    return String.valueOf(Math.round(value * 10) / 10.0);
  }
}
