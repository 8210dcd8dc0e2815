package dev.billinggate.service.costexplorer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import software.amazon.awssdk.services.costexplorer.model.DateInterval;

/**
 * Cost Explorer's date rules. Dates are {@code YYYY-MM-DD} (or with a {@code THH:MM:SSZ} time, which
 * billing-gate reads as its day); the end is exclusive.
 */
final class CostDates {
  /** Without multi-year data, Cost Explorer keeps the current month and the 13 before it. */
  static final int RETENTION_MONTHS = 13;

  record Range(int fromDay, int toDay) {}

  private CostDates() {}

  static int day(String value) {
    try {
      return (int) LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value).toEpochDay();
    } catch (DateTimeParseException e) {
      throw CostExplorerError.validation("Invalid date format: " + value);
    }
  }

  /** GetCostAndUsage's range checks, with the texts clients log (see docs/cost-apis.md). */
  static Range history(DateInterval period, int today) {
    int from = day(period.start());
    int to = day(period.end());
    if (from >= to) {
      throw CostExplorerError.validation("Start date (and hour) should be before end date (and hour)");
    }
    LocalDate current = LocalDate.ofEpochDay(today).withDayOfMonth(1);
    if (to > current.plusMonths(1).toEpochDay()) {
      throw CostExplorerError.validation("end date past the beginning of next month");
    }
    LocalDate start = LocalDate.ofEpochDay(from);
    if (from < current.minusMonths(RETENTION_MONTHS).toEpochDay() && start.getDayOfMonth() != 1) {
      throw CostExplorerError.validation(
          "To retrieve data beyond the past 14 months, your start date needs to be the first day of the month.");
    }
    return new Range(from, to);
  }

  /** Forecast ranges: from today on ("Requested Start: ... must be before requested End: ..."). */
  static Range forecast(DateInterval period, int today, int maxMonths) {
    int from = day(period.start());
    int to = day(period.end());
    if (from >= to) {
      throw CostExplorerError.validation(
          "Requested Start: " + period.start() + " must be before requested End: " + period.end());
    }
    if (from < today) {
      throw CostExplorerError.validation("Start date must be equal to or later than the current date to avoid a gap "
          + "between the actual costs and the forecasted costs.");
    }
    if (to > LocalDate.ofEpochDay(today).plusMonths(maxMonths).plusDays(1).toEpochDay()) {
      throw CostExplorerError.validation("End date must be within " + maxMonths + " months of the current date.");
    }
    return new Range(from, to);
  }
}
