package dev.billinggate.governance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/** Bounded fan-out: at most {@code concurrency} items in flight, results in input order. */
final class Workers {
  /** Finished results wait behind a slow one; this many per worker keeps the others busy meanwhile. */
  private static final int WINDOW_PER_WORKER = 4;

  private Workers() {}

  static <T, R> List<R> map(List<T> items, int concurrency, Function<T, R> work) {
    List<R> results = new ArrayList<>(items.size());
    forEachOrdered(items, concurrency, work, results::add);
    return results;
  }

  /**
   * Hands each result to {@code results} on the calling thread, in input order, as soon as it and all
   * before it are done. At most {@code concurrency × 4} results are held at once, however many items.
   */
  static <T, R> void forEachOrdered(Iterable<T> items, int concurrency, Function<T, R> work, Consumer<R> results) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    Deque<Future<R>> inFlight = new ArrayDeque<>();
    try {
      for (T item : items) {
        if (inFlight.size() >= concurrency * WINDOW_PER_WORKER) {
          results.accept(inFlight.poll().get());
        }
        inFlight.add(pool.submit(() -> work.apply(item)));
      }
      while (!inFlight.isEmpty()) {
        results.accept(inFlight.poll().get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      // Work functions turn AWS failures into rows; anything else is a bug and must surface.
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
