package dev.billinggate.store.postgres;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The highest commit version each other server said it applied (its acknowledgements, received by
 * this server's {@link CommitListener}), and writers waiting for them.
 */
final class Acknowledgements {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final Map<String, Long> applied = new HashMap<>();

  void record(String node, long version) {
    lock.lock();
    try {
      applied.merge(node, version, Math::max);
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until each of {@code nodes} applied {@code version} or {@code nanos} passed.
   *
   * @return the nodes that have not acknowledged it
   */
  List<String> await(Collection<String> nodes, long version, long nanos) throws InterruptedException {
    lock.lock();
    try {
      long left = nanos;
      while (true) {
        List<String> missing = new ArrayList<>();
        for (String node : nodes) {
          if (applied.getOrDefault(node, -1L) < version) {
            missing.add(node);
          }
        }
        if (missing.isEmpty() || left <= 0) {
          return missing;
        }
        left = arrived.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }
}
