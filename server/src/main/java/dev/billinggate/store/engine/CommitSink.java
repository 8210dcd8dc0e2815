package dev.billinggate.store.engine;

import java.util.List;

/**
 * Where {@link MemoryEngine} makes a transaction's changes durable before readers may see them.
 * A backend (SQLite today, PostgreSQL later) implements this and nothing else of the write path.
 */
public interface CommitSink extends AutoCloseable {

  /** Keeps nothing. */
  CommitSink NONE =
      new CommitSink() {
        @Override
        public void persist(List<Change> changes) {}

        @Override
        public void close() {}
      };

  /**
   * Writes all changes atomically and returns once they survive a crash; on failure, keeps none of
   * them and throws.
   */
  void persist(List<Change> changes);

  @Override
  void close();
}
