package dev.billinggate.app;

import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Lets whole-state changes (reset, restore, save) happen between requests: requests share the gate,
 * a state change holds it alone. An operation that reads or writes the store several times then
 * sees all of one state, never part of the state before a restore and part after, and a snapshot
 * never holds half a request. A state change waits for the requests in flight (milliseconds);
 * requests arriving meanwhile wait for it.
 */
final class RequestGate {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  Function<HttpRequest, HttpResponse> around(Function<HttpRequest, HttpResponse> handler) {
    return request -> {
      lock.readLock().lock();
      try {
        return handler.apply(request);
      } finally {
        lock.readLock().unlock();
      }
    };
  }

  <T> T exclusively(Supplier<T> work) {
    if (lock.getReadHoldCount() > 0) {
      // Waiting for the write lock while holding a read lock would never return.
      throw new IllegalStateException("state change inside a request");
    }
    lock.writeLock().lock();
    try {
      return work.get();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
