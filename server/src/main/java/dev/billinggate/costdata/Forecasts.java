package dev.billinggate.costdata;

import dev.billinggate.costdata.CostAggregator.Granularity;
import dev.billinggate.costdata.CostAggregator.Result;
import dev.billinggate.costdata.Forecaster.Forecast;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Forecasts of some accounts' costs or usage from their recent history (Cost Explorer, Budgets, console). */
public final class Forecasts {
  public enum Measure { COST, USAGE, NORMALIZED_USAGE }

  private Forecasts() {}

  /**
   * The daily forecast for {@code [fromDay, toDay)} from the eight weeks before {@code fromDay};
   * empty when there is no history to forecast from.
   */
  public static Optional<Forecast> daily(List<AccountCosts> accounts, Predicate<CostLine> lines, Measure measure,
      int fromDay, int toDay) {
    Result r = CostAggregator.aggregate(accounts,
        new CostAggregator.Query(fromDay - Forecaster.HISTORY, fromDay, Granularity.DAILY, lines, null));
    double[] values = switch (measure) {
      case COST -> r.cost();
      case USAGE -> r.usage();
      case NORMALIZED_USAGE -> r.normalizedUsage();
    };
    double[] history = new double[Forecaster.HISTORY];
    boolean any = false;
    for (int p = 0; p < history.length; p++) {
      history[p] = r.total(values, p);
      any |= history[p] != 0;
    }
    return any ? Optional.of(Forecaster.forecast(history, fromDay, toDay - fromDay)) : Optional.empty();
  }

  /** The sum of a measure over {@code [fromDay, toDay)}. */
  public static double sum(List<AccountCosts> accounts, Predicate<CostLine> lines, Measure measure, int fromDay,
      int toDay) {
    Result r = CostAggregator.aggregate(accounts,
        new CostAggregator.Query(fromDay, toDay, Granularity.MONTHLY, lines, null));
    double[] values = switch (measure) {
      case COST -> r.cost();
      case USAGE -> r.usage();
      case NORMALIZED_USAGE -> r.normalizedUsage();
    };
    double sum = 0;
    for (int p = 0; p < r.periods().size(); p++) {
      sum += r.total(values, p);
    }
    return sum;
  }
}
