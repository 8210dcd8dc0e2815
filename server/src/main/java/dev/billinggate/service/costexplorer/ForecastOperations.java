package dev.billinggate.service.costexplorer;

import dev.billinggate.costdata.CostAggregator;
import dev.billinggate.costdata.CostAggregator.Granularity;
import dev.billinggate.costdata.CostAggregator.Period;
import dev.billinggate.costdata.CostLine;
import dev.billinggate.costdata.Forecaster.Forecast;
import dev.billinggate.costdata.Forecasts;
import dev.billinggate.service.CallContext;
import dev.billinggate.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.costexplorer.model.DateInterval;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.ForecastResult;
import software.amazon.awssdk.services.costexplorer.model.GetCostForecastRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostForecastResponse;
import software.amazon.awssdk.services.costexplorer.model.GetUsageForecastRequest;
import software.amazon.awssdk.services.costexplorer.model.GetUsageForecastResponse;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;

/** GetCostForecast and GetUsageForecast over the caller's visible data. */
final class ForecastOperations {
  /** AWS forecasts up to 12 months ahead at MONTHLY granularity and 3 months at DAILY. */
  static final int MONTHLY_HORIZON = 12;
  static final int DAILY_HORIZON = 3;

  private final CostScope scope;
  private final Store store;

  ForecastOperations(CostScope scope, Store store) {
    this.scope = scope;
    this.store = store;
  }

  private record Outcome(MetricValue total, List<ForecastResult> results) {}

  GetCostForecastResponse getCostForecast(GetCostForecastRequest r, CallContext ctx) {
    Forecasts.Measure measure = switch (r.metricAsString()) {
      case "AMORTIZED_COST", "BLENDED_COST", "NET_AMORTIZED_COST", "NET_UNBLENDED_COST", "UNBLENDED_COST" ->
          Forecasts.Measure.COST;
      default -> throw CostExplorerError.validation("Unsupported metric " + r.metricAsString()
          + " for cost forecast. Use GetUsageForecast for usage metrics.");
    };
    Outcome o = forecast(ctx, r.timePeriod(), r.granularityAsString(), r.filter(), r.predictionIntervalLevel(), measure,
        "USD");
    return GetCostForecastResponse.builder().total(o.total()).forecastResultsByTime(o.results()).build();
  }

  GetUsageForecastResponse getUsageForecast(GetUsageForecastRequest r, CallContext ctx) {
    Forecasts.Measure measure = switch (r.metricAsString()) {
      case "USAGE_QUANTITY" -> Forecasts.Measure.USAGE;
      case "NORMALIZED_USAGE_AMOUNT" -> Forecasts.Measure.NORMALIZED_USAGE;
      default -> throw CostExplorerError.validation("Unsupported metric " + r.metricAsString()
          + " for usage forecast. Use GetCostForecast for cost metrics.");
    };
    Outcome o = forecast(ctx, r.timePeriod(), r.granularityAsString(), r.filter(), r.predictionIntervalLevel(), measure,
        "N/A");
    return GetUsageForecastResponse.builder().total(o.total()).forecastResultsByTime(o.results()).build();
  }

  private Outcome forecast(CallContext ctx, DateInterval period, String granularity, Expression filter,
      Integer intervalLevel, Forecasts.Measure measure, String unit) {
    CallerView view = CallerView.of(scope, store, ctx.caller().accountId());
    Granularity g = CostAndUsageOperations.granularity(granularity);
    CostDates.Range range = CostDates.forecast(period, view.today(),
        g == Granularity.DAILY ? DAILY_HORIZON : MONTHLY_HORIZON);
    Predicate<CostLine> lines = view.filter(filter);
    Forecast f = Forecasts.daily(view.visible().accounts(), lines, measure, range.fromDay(), range.toDay())
        .orElseThrow(CostExplorerError::insufficientHistory);
    double z = intervalLevel == null ? 0 : Forecast.z(intervalLevel);
    List<ForecastResult> results = new ArrayList<>();
    double total = 0;
    for (Period p : CostAggregator.periods(range.fromDay(), range.toDay(), g)) {
      double mean = 0;
      double variance = 0;
      for (int d = p.fromDay(); d < p.toDay(); d++) {
        mean += f.mean()[d - range.fromDay()];
        variance += f.spread()[d - range.fromDay()] * f.spread()[d - range.fromDay()];
      }
      total += mean;
      ForecastResult.Builder b = ForecastResult.builder()
          .timePeriod(DateInterval.builder().start(p.start().toString()).end(p.end().toString()).build())
          .meanValue(Amounts.format(mean));
      if (intervalLevel != null) {
        double half = z * Math.sqrt(variance);
        b.predictionIntervalLowerBound(Amounts.format(Math.max(0, mean - half)))
            .predictionIntervalUpperBound(Amounts.format(mean + half));
      }
      results.add(b.build());
    }
    return new Outcome(Amounts.metric(total, unit), results);
  }
}
