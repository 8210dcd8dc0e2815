package dev.billinggate.costdata;

import java.util.List;

/**
 * The cost data of one account over a window of days, as compact primitive arrays: for line
 * {@code l} and day {@code d} (epoch day {@code firstDay + d}), cost and usage are at index
 * {@code l * days + d}. Floats halve the memory of a year of 100 accounts; sums are taken in doubles.
 *
 * @param cost unblended cost in USD
 * @param usage usage quantity in the line's unit
 */
public record AccountCosts(String accountId, List<CostLine> lines, int firstDay, int days, float[] cost, float[] usage) {

  public AccountCosts {
    lines = List.copyOf(lines);
    if (cost.length != lines.size() * days || usage.length != cost.length) {
      throw new IllegalArgumentException("arrays do not match " + lines.size() + " lines x " + days + " days");
    }
  }

  /** The epoch day after the last one covered. */
  public int endDay() {
    return firstDay + days;
  }

  public boolean covers(int fromDay, int toDay) {
    return fromDay >= firstDay && toDay <= endDay();
  }
}
