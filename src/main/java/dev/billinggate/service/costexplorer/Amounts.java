package dev.billinggate.service.costexplorer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;

/** Cost Explorer's amounts: decimal strings with up to ten fraction digits, {@code "0"} for nothing. */
final class Amounts {
  private Amounts() {}

  static String format(double amount) {
    if (amount == 0) {
      return "0";
    }
    return BigDecimal.valueOf(amount).setScale(10, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  static MetricValue metric(double amount, String unit) {
    return MetricValue.builder().amount(format(amount)).unit(unit).build();
  }
}
