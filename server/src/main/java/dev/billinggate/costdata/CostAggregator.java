package dev.billinggate.costdata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Sums cost lines into time periods × groups. Filtering and grouping are decided once per line, so
 * the per-day work is three additions into flat arrays; 12 months of 100 accounts with 30 services
 * is a few million additions.
 */
public final class CostAggregator {

  public enum Granularity { DAILY, MONTHLY }

  /** A half-open range of epoch days. */
  public record Period(int fromDay, int toDay) {
    public LocalDate start() { return LocalDate.ofEpochDay(fromDay); }
    public LocalDate end() { return LocalDate.ofEpochDay(toDay); }
  }

  /**
   * @param groupKey the line's group key values, or {@code null} for one group of everything
   */
  public record Query(int fromDay, int toDay, Granularity granularity, Predicate<CostLine> filter,
      Function<CostLine, List<String>> groupKey) {}

  /**
   * Sums for period {@code p} and group {@code g} at index {@code g * periods().size() + p}: group-major,
   * so adding one line's consecutive days touches consecutive memory.
   *
   * @param units per group, the usage unit all its lines share, or {@code N/A} when they differ
   * @param present whether any line contributed to that period and group
   */
  public record Result(List<Period> periods, List<List<String>> groups, String[] units, double[] cost, double[] usage,
      double[] normalizedUsage, boolean[] present) {

    public int index(int period, int group) {
      return group * periods.size() + period;
    }

    /** The sum of one measure over all groups of a period. */
    public double total(double[] measure, int period) {
      double sum = 0;
      for (int g = 0; g < groups.size(); g++) {
        sum += measure[index(period, g)];
      }
      return sum;
    }
  }

  private CostAggregator() {}

  public static List<Period> periods(int fromDay, int toDay, Granularity granularity) {
    List<Period> periods = new ArrayList<>();
    int day = fromDay;
    while (day < toDay) {
      int next = granularity == Granularity.DAILY ? day + 1
          : (int) LocalDate.ofEpochDay(day).withDayOfMonth(1).plusMonths(1).toEpochDay();
      periods.add(new Period(day, Math.min(next, toDay)));
      day = next;
    }
    return periods;
  }

  public static Result aggregate(List<AccountCosts> accounts, Query q) {
    List<Period> periods = periods(q.fromDay(), q.toDay(), q.granularity());
    int[] periodOfDay = new int[Math.max(0, q.toDay() - q.fromDay())];
    for (int p = 0; p < periods.size(); p++) {
      Arrays.fill(periodOfDay, periods.get(p).fromDay() - q.fromDay(), periods.get(p).toDay() - q.fromDay(), p);
    }
    // Pass 1: which lines count, and in which group.
    Map<List<String>, Integer> groupIndex = new HashMap<>();
    List<List<String>> groups = new ArrayList<>();
    List<String> units = new ArrayList<>();
    int[][] lineGroup = new int[accounts.size()][];
    for (int a = 0; a < accounts.size(); a++) {
      List<CostLine> lines = accounts.get(a).lines();
      lineGroup[a] = new int[lines.size()];
      for (int l = 0; l < lines.size(); l++) {
        CostLine line = lines.get(l);
        if (!q.filter().test(line)) {
          lineGroup[a][l] = -1;
          continue;
        }
        List<String> key = q.groupKey() == null ? List.of() : q.groupKey().apply(line);
        Integer g = groupIndex.get(key);
        if (g == null) {
          g = groups.size();
          groupIndex.put(key, g);
          groups.add(key);
          units.add(line.unit());
        } else if (!units.get(g).equals(line.unit())) {
          units.set(g, "N/A");
        }
        lineGroup[a][l] = g;
      }
    }
    if (groups.isEmpty() && q.groupKey() == null) {
      groups.add(List.of());
      units.add("N/A");
    }
    // Sort groups by key so pages are stable; remap line groups accordingly.
    Integer[] order = new Integer[groups.size()];
    String[] sortKeys = new String[groups.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      sortKeys[i] = String.join("\u0000", groups.get(i));
    }
    Arrays.sort(order, Comparator.comparing(i -> sortKeys[i]));
    int[] rank = new int[order.length];
    List<List<String>> sortedGroups = new ArrayList<>(order.length);
    String[] sortedUnits = new String[order.length];
    for (int i = 0; i < order.length; i++) {
      rank[order[i]] = i;
      sortedGroups.add(groups.get(order[i]));
      sortedUnits[i] = units.get(order[i]);
    }
    int height = periods.size();
    double[] cost = new double[height * sortedGroups.size()];
    double[] usage = new double[cost.length];
    double[] normalized = new double[cost.length];
    boolean[] present = new boolean[cost.length];
    // Pass 2: add the days.
    for (int a = 0; a < accounts.size(); a++) {
      AccountCosts data = accounts.get(a);
      int lo = Math.max(q.fromDay(), data.firstDay());
      int hi = Math.min(q.toDay(), data.endDay());
      for (int l = 0; l < lineGroup[a].length; l++) {
        if (lineGroup[a][l] < 0) {
          continue;
        }
        int row = rank[lineGroup[a][l]] * height;
        double factor = data.lines().get(l).normalizationFactor();
        int base = l * data.days() - data.firstDay();
        for (int day = lo; day < hi; day++) {
          float c = data.cost()[base + day];
          float u = data.usage()[base + day];
          if (c == 0f && u == 0f) {
            continue;
          }
          int i = row + periodOfDay[day - q.fromDay()];
          cost[i] += c;
          usage[i] += u;
          normalized[i] += u * factor;
          present[i] = true;
        }
      }
    }
    return new Result(periods, sortedGroups, sortedUnits, cost, usage, normalized, present);
  }
}
