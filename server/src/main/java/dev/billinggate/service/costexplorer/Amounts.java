package dev.billinggate.service.costexplorer;

import dev.billinggate.costdata.AmountFormat;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;

/** Cost Explorer's metric values. */
final class Amounts {
  private Amounts() {}

  static String format(double amount) {
    return AmountFormat.format(amount);
  }

  static MetricValue metric(double amount, String unit) {
    return MetricValue.builder().amount(format(amount)).unit(unit).build();
  }
}
