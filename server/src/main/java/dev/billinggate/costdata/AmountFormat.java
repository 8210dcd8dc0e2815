package dev.billinggate.costdata;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How AWS's billing APIs write amounts: decimal strings with up to ten fraction digits, {@code "0"} for nothing. */
public final class AmountFormat {
  private AmountFormat() {}

  public static String format(double amount) {
    if (amount == 0) {
      return "0";
    }
    return BigDecimal.valueOf(amount).setScale(10, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
