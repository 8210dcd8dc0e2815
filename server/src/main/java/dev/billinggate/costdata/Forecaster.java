package dev.billinggate.costdata;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A daily forecast from recent history: the last four weeks' level, the trend between the last two
 * four-week windows, and each weekday's share, so weekend dips continue into the forecast. The
 * prediction interval widens with the square root of the horizon.
 */
public final class Forecaster {
  /** Days of history used: eight weeks. */
  public static final int HISTORY = 56;

  /** @param mean the expected value per forecast day; {@code spread} one standard deviation per day */
  public record Forecast(double[] mean, double[] spread) {
    /** Two-sided normal quantile for a prediction interval level in percent (51..99). */
    public static double z(int level) {
      double p = 0.5 + level / 200.0;
      // Acklam-style rational approximation is overkill here: a short table interpolated is exact enough.
      double[][] table = {{0.75, 0.674}, {0.8, 0.842}, {0.85, 1.036}, {0.9, 1.282}, {0.95, 1.645}, {0.975, 1.960},
          {0.99, 2.326}, {0.995, 2.576}};
      if (p <= table[0][0]) {
        return table[0][1] * (p - 0.5) / (table[0][0] - 0.5);
      }
      for (int i = 1; i < table.length; i++) {
        if (p <= table[i][0]) {
          double t = (p - table[i - 1][0]) / (table[i][0] - table[i - 1][0]);
          return table[i - 1][1] + t * (table[i][1] - table[i - 1][1]);
        }
      }
      return table[table.length - 1][1];
    }
  }

  private Forecaster() {}

  /**
   * @param history daily values for the {@link #HISTORY} days before {@code firstDay}
   * @param firstDay the epoch day of the first forecast day
   */
  public static Forecast forecast(double[] history, int firstDay, int days) {
    int n = history.length;
    double recent = mean(history, n - 28, n);
    double earlier = mean(history, n - 56, n - 28);
    double slope = (recent - earlier) / 28;
    double overall = mean(history, 0, n);
    double[] weekday = new double[7];
    int[] counts = new int[7];
    for (int i = 0; i < n; i++) {
      int dow = LocalDate.ofEpochDay(firstDay - n + i).getDayOfWeek().getValue() - 1;
      weekday[dow] += history[i];
      counts[dow]++;
    }
    double residual = 0;
    for (int i = 0; i < 7; i++) {
      weekday[i] = overall == 0 || counts[i] == 0 ? 1 : weekday[i] / counts[i] / overall;
    }
    for (int i = n - 28; i < n; i++) {
      int dow = LocalDate.ofEpochDay(firstDay - n + i).getDayOfWeek().getValue() - 1;
      double expected = recent * weekday[dow];
      residual += (history[i] - expected) * (history[i] - expected);
    }
    double sigma = Math.sqrt(residual / 28);
    double[] mean = new double[days];
    double[] spread = new double[days];
    for (int k = 0; k < days; k++) {
      DayOfWeek dow = LocalDate.ofEpochDay(firstDay + k).getDayOfWeek();
      mean[k] = Math.max(0, (recent + slope * (14 + k)) * weekday[dow.getValue() - 1]);
      spread[k] = sigma * Math.sqrt(1 + k / 7.0);
    }
    return new Forecast(mean, spread);
  }

  private static double mean(double[] values, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    return to > from ? sum / (to - from) : 0;
  }
}
