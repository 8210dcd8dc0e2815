package dev.billinggate.service.costexplorer;

import dev.billinggate.costdata.CostAggregator;
import dev.billinggate.costdata.CostAggregator.Granularity;
import dev.billinggate.costdata.CostAggregator.Result;
import dev.billinggate.costdata.CostLine;
import dev.billinggate.costdata.Forecaster.Forecast;
import dev.billinggate.costdata.Forecasts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Java API the web console's billing pages read: the same data and visibility as the Cost
 * Explorer API, without IAM authorization, which the console performs itself. {@link #query} (the
 * Cost Explorer page) also has Cost Explorer's gates (an {@link dev.billinggate.core.AwsException}
 * such as AccessDeniedException "User not enabled for cost explorer access"); the home and bill
 * figures don't, as the Billing console shows bills whether or not Cost Explorer is enabled.
 * Amounts are unblended USD rounded to cents.
 */
public final class CostReports {
  /** Dimensions the console may group by. */
  public enum Dimension { SERVICE, LINKED_ACCOUNT, REGION, USAGE_TYPE, RECORD_TYPE }

  public record Amount(String key, String label, BigDecimal usd) {}

  /**
   * @param start first day (inclusive); {@code end} exclusive, like Cost Explorer
   * @param groupBy zero to two dimensions
   */
  public record Query(LocalDate start, LocalDate end, Granularity granularity, List<Dimension> groupBy) {
    public Query {
      groupBy = List.copyOf(groupBy);
      if (groupBy.size() > 2 || !start.isBefore(end)) {
        throw new IllegalArgumentException("need start < end and at most two group-by dimensions");
      }
    }
  }

  /** One period's amount for one group ({@code keys} empty when not grouped). */
  public record Row(LocalDate start, LocalDate end, List<String> keys, BigDecimal usd) {}

  /** Month-to-date spend and the forecast for the whole month. */
  public record MonthSummary(YearMonth month, BigDecimal monthToDate, BigDecimal forecastTotal) {}

  private final CostScope scope;

  public CostReports(CostScope scope) {
    this.scope = scope;
  }

  /**
   * Month-to-date (through today) and the month's forecast total, for everything the account sees.
   * Like the bill figures below, these are Billing console data: Cost Explorer's gates don't apply.
   */
  public MonthSummary monthSummary(String accountId) {
    CostScope.Visible view = scope.ungated(accountId);
    int today = scope.data().today();
    LocalDate date = LocalDate.ofEpochDay(today);
    int first = (int) date.withDayOfMonth(1).toEpochDay();
    int next = (int) date.withDayOfMonth(1).plusMonths(1).toEpochDay();
    double mtd = Forecasts.sum(view.accounts(), view.visible(), Forecasts.Measure.COST, first, today + 1);
    double rest = 0;
    if (today + 1 < next) {
      Forecast f = Forecasts.daily(view.accounts(), view.visible(), Forecasts.Measure.COST, today + 1, next)
          .orElseThrow(CostExplorerError::insufficientHistory);
      for (double v : f.mean()) {
        rest += v;
      }
    }
    return new MonthSummary(YearMonth.from(date), usd(mtd), usd(mtd + rest));
  }

  /** The month's cost per service, largest first. */
  public List<Amount> costByService(String accountId, YearMonth month) {
    return byMonth(accountId, month, CostLine::service, Map.of());
  }

  /**
   * The month's cost per account, largest first: every member for a management account, the account
   * itself otherwise. Labels are account names.
   */
  public List<Amount> costByAccount(String accountId, YearMonth month) {
    CostScope.Visible view = scope.ungated(accountId);
    return byMonth(accountId, month, CostLine::accountId, view.names());
  }

  /** A Cost Explorer query as the console's chart and table need it. */
  public List<Row> query(String accountId, Query q) {
    CostScope.Visible view = scope.of(accountId);
    LineAttributes attrs = new LineAttributes(view.names(), view.payerAccountId(), Map.of());
    Function<CostLine, List<String>> key = q.groupBy().isEmpty() ? null
        : line -> q.groupBy().stream().map(d -> attrs.dimension(line, d.name())).toList();
    Result r = CostAggregator.aggregate(view.accounts(), new CostAggregator.Query((int) q.start().toEpochDay(),
        (int) q.end().toEpochDay(), q.granularity(), view.visible(), key));
    List<Row> rows = new ArrayList<>();
    for (int p = 0; p < r.periods().size(); p++) {
      for (int g = 0; g < r.groups().size(); g++) {
        int i = r.index(p, g);
        if (r.present()[i] || key == null) {
          rows.add(new Row(r.periods().get(p).start(), r.periods().get(p).end(), r.groups().get(g), usd(r.cost()[i])));
        }
      }
    }
    return rows;
  }

  private List<Amount> byMonth(String accountId, YearMonth month, Function<CostLine, String> key,
      Map<String, String> labels) {
    CostScope.Visible view = scope.ungated(accountId);
    Result r = CostAggregator.aggregate(view.accounts(), new CostAggregator.Query((int) month.atDay(1).toEpochDay(),
        (int) month.plusMonths(1).atDay(1).toEpochDay(), Granularity.MONTHLY, view.visible(),
        line -> List.of(key.apply(line))));
    List<Amount> amounts = new ArrayList<>();
    for (int g = 0; g < r.groups().size(); g++) {
      String k = r.groups().get(g).get(0);
      amounts.add(new Amount(k, labels.getOrDefault(k, k), usd(r.cost()[r.index(0, g)])));
    }
    amounts.sort(Comparator.comparing(Amount::usd).reversed());
    return amounts;
  }

  private static BigDecimal usd(double amount) {
    return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
  }
}
