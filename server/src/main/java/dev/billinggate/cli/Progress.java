package dev.billinggate.cli;

import dev.billinggate.governance.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A progress bar on stderr, only when a person is watching a terminal (never in pipes or CI logs):
 * {@code [#########...........]  4,213/10,000 accounts  42%  0:37 elapsed, about 0:51 left}.
 */
final class Progress implements ProgressListener {
  private static final int BAR = 30;
  private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final String noun;
  private final PrintWriter err;
  private final boolean enabled;
  private final LongSupplier nanoTime;
  private final long started;
  private int total = -1;
  private int done;
  private long drawnAt = Long.MIN_VALUE;
  private boolean drawn;

  Progress(String noun, PrintWriter err) {
    this(noun, err, System.console() != null, System::nanoTime);
  }

  Progress(String noun, PrintWriter err, boolean enabled, LongSupplier nanoTime) {
    this.noun = noun;
    this.err = err;
    this.enabled = enabled;
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
  }

  @Override
  public synchronized void total(int items) {
    total = items;
    draw(true);
  }

  @Override
  public synchronized void advance() {
    done++;
    draw(done == total);
  }

  /** Ends the bar's line so what follows starts on a fresh one. */
  synchronized void finish() {
    if (drawn) {
      err.println();
      err.flush();
      drawn = false;
    }
  }

  private void draw(boolean always) {
    long now = nanoTime.getAsLong();
    if (!enabled || total <= 0 || (!always && now - drawnAt < REDRAW_NANOS)) {
      return;
    }
    drawnAt = now;
    drawn = true;
    err.print("\r" + line(noun, done, total, Duration.ofNanos(now - started)));
    err.flush();
  }

  static String line(String noun, int done, int total, Duration elapsed) {
    int filled = total == 0 ? BAR : (int) ((long) BAR * done / total);
    StringBuilder out = new StringBuilder("[").append("#".repeat(filled)).append(".".repeat(BAR - filled))
        .append("]  ").append(String.format("%,d/%,d %s  %d%%  %s elapsed", done, total, noun,
            total == 0 ? 100 : 100L * done / total, clock(elapsed)));
    if (done > 0 && done < total) {
      out.append(", about ").append(clock(elapsed.multipliedBy(total - done).dividedBy(done))).append(" left");
    }
    // Pads over the tail of a longer previous line (the estimate shrinks as the run ends).
    return out.append("   ").toString();
  }

  private static String clock(Duration d) {
    long s = d.toSeconds();
    return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }
}
