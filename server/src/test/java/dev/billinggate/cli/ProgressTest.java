package dev.billinggate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void barShowsCountPercentageElapsedAndEstimate() {
    assertThat(Progress.line("accounts audited", 4_213, 10_000, Duration.ofSeconds(37)))
        .startsWith("[############..................]  4,213/10,000 accounts audited  42%  0:37 elapsed, about 0:50 left");
    assertThat(Progress.line("accounts audited", 10_000, 10_000, Duration.ofSeconds(3_725)))
        .startsWith("[##############################]  10,000/10,000 accounts audited  100%  1:02:05 elapsed")
        .doesNotContain("left");
  }

  @Test
  void redrawsAtMostTenTimesASecondButAlwaysShowsTheEnd() {
    StringWriter text = new StringWriter();
    AtomicLong now = new AtomicLong();
    Progress progress = new Progress("accounts", new PrintWriter(text), true, now::get);
    progress.total(1_000);
    for (int i = 0; i < 1_000; i++) {
      now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
      progress.advance();
    }
    progress.finish();
    String[] frames = text.toString().split("\r");
    // One frame when the total is known, one per 100 ms of the 1 s run, and the final one.
    assertThat(frames.length - 1).isBetween(10, 12);
    assertThat(frames[frames.length - 1]).contains("1,000/1,000").endsWith(System.lineSeparator());
  }

  @Test
  void silentWithoutATerminal() {
    StringWriter text = new StringWriter();
    Progress progress = new Progress("accounts", new PrintWriter(text), false, System::nanoTime);
    progress.total(3);
    progress.advance();
    progress.finish();
    assertThat(text.toString()).isEmpty();
  }
}
