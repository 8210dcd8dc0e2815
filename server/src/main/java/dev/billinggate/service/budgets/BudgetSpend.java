package dev.billinggate.service.budgets;

import dev.billinggate.costdata.AmountFormat;
import dev.billinggate.costdata.CostLine;
import dev.billinggate.costdata.Forecasts;
import dev.billinggate.costdata.RecordTypes;
import dev.billinggate.service.budgets.BudgetRecords.StoredBudget;
import dev.billinggate.service.costexplorer.CostScope;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.budgets.model.CalculatedSpend;
import software.amazon.awssdk.services.budgets.model.Spend;

/**
 * A budget's CalculatedSpend from billing-gate's cost data: actual spend in the budget's current
 * period (month, quarter, year or day) through today, and the forecast for the whole period. Cost
 * budgets sum unblended cost, usage budgets usage quantity; CostFilters and CostTypes select lines.
 */
final class BudgetSpend {
  /** CostFilters keys and the line attribute each filters on; tags are {@code TagKeyValue: user:Key$Value}. */
  static final Map<String, Function<CostLine, String>> FILTERS = Map.of(
      "Service", CostLine::service, "LinkedAccount", CostLine::accountId, "Region", CostLine::region,
      "UsageType", CostLine::usageType, "Operation", CostLine::operation, "RecordType", CostLine::recordType);

  private final CostScope scope;

  BudgetSpend(CostScope scope) {
    this.scope = scope;
  }

  static void validateFilters(Map<String, List<String>> filters) {
    for (String key : filters.keySet()) {
      if (!FILTERS.containsKey(key) && !key.equals("TagKeyValue")) {
        throw BudgetsError.INVALID_PARAMETER.exception("Invalid cost filter key: " + key + ". Valid keys are "
            + String.join(", ", FILTERS.keySet().stream().sorted().toList()) + ", TagKeyValue.");
      }
    }
  }

  CalculatedSpend calculate(StoredBudget b, LocalDate today) {
    CostScope.Visible view = scope.ungated(b.accountId());
    Predicate<CostLine> lines = view.visible().and(filter(b));
    Forecasts.Measure measure = b.budgetType().equals("USAGE") ? Forecasts.Measure.USAGE : Forecasts.Measure.COST;
    LocalDate from = periodStart(b.timeUnit(), today);
    LocalDate to = periodEnd(b.timeUnit(), from);
    LocalDate budgetStart = LocalDate.ofInstant(b.start(), ZoneOffset.UTC);
    if (budgetStart.isAfter(from)) {
      from = budgetStart;
    }
    int tomorrow = (int) today.toEpochDay() + 1;
    double actual = Forecasts.sum(view.accounts(), lines, measure, (int) from.toEpochDay(), tomorrow);
    double forecast = actual + (tomorrow >= to.toEpochDay() ? 0
        : Forecasts.daily(view.accounts(), lines, measure, tomorrow, (int) to.toEpochDay())
            .map(f -> java.util.Arrays.stream(f.mean()).sum()).orElse(0.0));
    return CalculatedSpend.builder().actualSpend(spend(actual, b.limitUnit()))
        .forecastedSpend(spend(forecast, b.limitUnit())).build();
  }

  static LocalDate periodStart(String timeUnit, LocalDate today) {
    return switch (timeUnit) {
      case "DAILY" -> today;
      case "QUARTERLY" -> today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
      case "ANNUALLY" -> today.withDayOfYear(1);
      default -> today.withDayOfMonth(1);
    };
  }

  static LocalDate periodEnd(String timeUnit, LocalDate start) {
    return switch (timeUnit) {
      case "DAILY" -> start.plusDays(1);
      case "QUARTERLY" -> start.plusMonths(3);
      case "ANNUALLY" -> start.plusYears(1);
      default -> start.plusMonths(1);
    };
  }

  private static Spend spend(double amount, String unit) {
    return Spend.builder().amount(new java.math.BigDecimal(AmountFormat.format(amount))).unit(unit).build();
  }

  private static Predicate<CostLine> filter(StoredBudget b) {
    Predicate<CostLine> p = line -> includes(b.costTypes(), line);
    for (Map.Entry<String, List<String>> f : b.costFilters().entrySet()) {
      List<String> values = f.getValue();
      if (f.getKey().equals("TagKeyValue")) {
        p = p.and(line -> values.stream().anyMatch(v -> tagMatches(line, v)));
      } else {
        Function<CostLine, String> attribute = FILTERS.get(f.getKey());
        p = p.and(line -> values.contains(attribute.apply(line)));
      }
    }
    return p;
  }

  private static boolean tagMatches(CostLine line, String value) {
    String kv = value.startsWith("user:") ? value.substring(5) : value;
    int dollar = kv.indexOf('$');
    return dollar > 0 && kv.substring(dollar + 1).equals(line.tags().getOrDefault(kv.substring(0, dollar), ""));
  }

  private static boolean includes(Map<String, Boolean> types, CostLine line) {
    return switch (line.recordType()) {
      case RecordTypes.CREDIT -> types.get("IncludeCredit");
      case RecordTypes.REFUND -> types.get("IncludeRefund");
      case RecordTypes.TAX -> types.get("IncludeTax");
      default -> line.isDiscount() ? types.get("IncludeDiscount")
          : !line.serviceCode().startsWith("AWSSupport") || types.get("IncludeSupport");
    };
  }
}
