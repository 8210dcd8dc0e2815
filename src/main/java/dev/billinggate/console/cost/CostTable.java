package dev.billinggate.console.cost;

import dev.billinggate.console.cost.CostManagement.CostLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Sums of cost lines, the way the billing pages group them. */
public final class CostTable {
  public enum Dimension {
    SERVICE(CostLine::service), LINKED_ACCOUNT(CostLine::accountId), REGION(CostLine::region);

    private final Function<CostLine, String> key;

    Dimension(Function<CostLine, String> key) {
      this.key = key;
    }
  }

  public enum Granularity { DAILY, MONTHLY }

  private CostTable() {}

  public static BigDecimal total(List<CostLine> lines) {
    return lines.stream().map(CostLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Totals by the dimension's value, largest first. */
  public static Map<String, BigDecimal> by(Dimension dimension, List<CostLine> lines) {
    Map<String, BigDecimal> sums = new TreeMap<>();
    for (CostLine line : lines) {
      sums.merge(dimension.key.apply(line), line.amount(), BigDecimal::add);
    }
    Map<String, BigDecimal> sorted = new LinkedHashMap<>();
    sums.entrySet().stream().sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** Totals per day or per month ({@code yyyy-MM}), in time order. */
  public static Map<String, BigDecimal> over(Granularity granularity, List<CostLine> lines) {
    Map<String, BigDecimal> sums = new TreeMap<>();
    for (CostLine line : lines) {
      LocalDate day = line.day();
      String period = granularity == Granularity.DAILY ? day.toString() : YearMonth.from(day).toString();
      sums.merge(period, line.amount(), BigDecimal::add);
    }
    return sums;
  }
}
