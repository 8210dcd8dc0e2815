package dev.billinggate.store.engine;

import java.util.List;

/**
 * Where {@link MemoryEngine} makes a transaction's changes durable before readers may see them.
 * A backend implements this and nothing else of the write path.
 *
 * <p>A backend several processes share (PostgreSQL) also brings the engine up to date with what the
 * others committed: {@link #begin} before each write, {@link #poll} when asked to. A backend that is
 * the only writer of its storage keeps the defaults.
 */
public interface CommitSink extends AutoCloseable {

  /** Keeps nothing. */
  CommitSink NONE =
      new CommitSink() {
        @Override
        public boolean keepsRecords() {
          return false;
        }

        @Override
        public void persist(List<Change> changes) {}

        @Override
        public void close() {}
      };

  /**
   * Whether {@link #persist} keeps the records. A sink that keeps nothing is never handed changes,
   * and the engine then stores immutable copies of records instead of their JSON round trip.
   */
  default boolean keepsRecords() {
    return true;
  }

  /**
   * Starts the writer's transaction, called under the engine's writer lock before a write's work
   * or a snapshot operation. A shared backend takes its cross-process write lock here, held until
   * {@link #persist} or {@link #end}, and returns what others committed meanwhile (the engine
   * applies it before the work runs), so the work sees the latest committed state.
   *
   * @return changes committed elsewhere since the engine's state, or null for none
   */
  default Delta begin() {
    return null;
  }

  /**
   * Ends what {@link #begin} started, after the write committed, failed or had nothing to write:
   * releases the cross-process lock if {@link #persist} did not already.
   */
  default void end() {}

  /**
   * Called on the writer's thread after each write or snapshot operation, once the engine's writer
   * lock is released, before the caller may acknowledge it: a shared backend waits here until the
   * other processes have applied what this one committed (waiting under the writer lock could
   * deadlock two processes each waiting for the other to apply). May throw like {@link #persist}.
   */
  default void settle() {}

  /**
   * What others committed since the engine's state, without taking the write lock; called under
   * the engine's writer lock.
   *
   * @return the delta, or null for none
   */
  default Delta poll() {
    return null;
  }

  /**
   * Writes all changes atomically and returns once they survive a crash; on failure, keeps none of
   * them and throws.
   */
  void persist(List<Change> changes);

  @Override
  void close();
}
