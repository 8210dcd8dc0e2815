package dev.billinggate.console.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** US dollar amounts as AWS's billing pages show them: {@code $1,234.56}. */
public final class Money {
  private Money() {}

  public static String usd(BigDecimal amount) {
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    String digits = format.format(amount.abs().setScale(2, RoundingMode.HALF_UP));
    return (amount.signum() < 0 ? "-$" : "$") + digits;
  }
}
