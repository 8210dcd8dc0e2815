package dev.billinggate.service.costexplorer;

import dev.billinggate.costdata.CostAggregator;
import dev.billinggate.costdata.CostAggregator.Granularity;
import dev.billinggate.costdata.CostAggregator.Result;
import dev.billinggate.costdata.CostLine;
import dev.billinggate.costdata.Forecaster;
import dev.billinggate.costdata.Forecaster.Forecast;
import java.util.function.Predicate;

/** Forecasts of a caller's visible costs or usage, shared by the API and the console. */
final class CostForecasts {
  enum Measure { COST, USAGE, NORMALIZED_USAGE }

  private CostForecasts() {}

  /**
   * The daily forecast for {@code [fromDay, toDay)} from the eight weeks before {@code fromDay}.
   *
   * @throws dev.billinggate.service.AwsException DataUnavailableException when there is no history
   */
  static Forecast daily(CostScope.Visible view, Predicate<CostLine> filter, Measure measure, int fromDay, int toDay) {
    int historyFrom = fromDay - Forecaster.HISTORY;
    Result r = CostAggregator.aggregate(view.accounts(),
        new CostAggregator.Query(historyFrom, fromDay, Granularity.DAILY, view.visible().and(filter), null));
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
    if (!any) {
      // zoph-io/instance-watcher#38: what GetCostForecast answers for accounts without history.
      throw CostExplorerError.DATA_UNAVAILABLE.exception("Insufficient amount of historical data.");
    }
    return Forecaster.forecast(history, fromDay, toDay - fromDay);
  }
}
