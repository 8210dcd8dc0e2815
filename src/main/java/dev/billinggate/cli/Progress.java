package dev.billinggate.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/** A counter on stderr, only when a person is watching a terminal (never in pipes or CI logs). */
final class Progress implements Runnable {
  private final String label;
  private final PrintWriter err;
  private final boolean enabled = System.console() != null;
  private final AtomicInteger done = new AtomicInteger();

  Progress(String label, PrintWriter err) {
    this.label = label;
    this.err = err;
  }

  @Override
  public void run() {
    int n = done.incrementAndGet();
    if (enabled) {
      synchronized (err) {
        err.print("\r" + label + " " + n);
        err.flush();
      }
    }
  }

  void finish() {
    if (enabled && done.get() > 0) {
      err.println();
    }
  }
}
