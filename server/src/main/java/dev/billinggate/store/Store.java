package dev.billinggate.store;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The persistence boundary. Services see tables of records and transactions, never SQL, so a
 * PostgreSQL backend can follow without touching them.
 *
 * <p>Writers are serialized: {@link #write} runs one transaction at a time and returns only after
 * the commit is durable (an acknowledged write survives {@code kill -9}). If {@code work} throws,
 * nothing it wrote is kept and the exception propagates unchanged. A read sees only committed
 * state, and all of one commit or none of it. Readers never wait for the disk; a commit becomes
 * visible once the reads already running have finished, so keep read work short.
 *
 * <p>Calling {@code write} inside {@code read} or {@code write} on the same store throws {@link
 * IllegalStateException}; transactions must not be used after their work function returns.
 */
public interface Store extends AutoCloseable {

  <T> T read(Function<ReadTx, T> work);

  <T> T write(Function<WriteTx, T> work);

  /** A {@link #write} whose work has no result to return. */
  default void update(Consumer<WriteTx> work) {
    write(tx -> {
      work.accept(tx);
      return null;
    });
  }

  /**
   * Optional: decodes these tables' stored records now, so that a corrupt or incompatible record
   * fails startup instead of the first request that touches it. Tables not declared are decoded on
   * first use. A backend that decodes nothing ahead of time may ignore it.
   *
   * @throws StoreException naming the table and key of a record that cannot be decoded
   * @throws IllegalArgumentException if a table name was already used with another record type
   */
  default void declare(Table<?>... tables) {}

  /**
   * Makes every write that any process sharing this store had committed when this was called
   * visible to this process's reads from now on (read-your-writes across servers on one database).
   * Called at the start of each request. A backend only this process writes to needs nothing.
   *
   * @throws dev.billinggate.core.AwsException {@code ServiceUnavailable} if the backend cannot be reached
   */
  default void sync() {}

  /**
   * Runs {@code listener} whenever writes of another process sharing this store became visible:
   * what a service caches about the stored state is stale then. Never called by a backend only this
   * process writes to.
   */
  default void onChangedElsewhere(Runnable listener) {}

  /** Whether the backend answers now (a readiness probe); a local backend always does. */
  default boolean ready() {
    return true;
  }

  /**
   * Runs {@code work} while no other process sharing this store runs work through this method, and
   * after {@link #sync}: the first start's bootstrap, which several servers starting together on one
   * new database must not all do.
   */
  default <T> T alone(Supplier<T> work) {
    return work.get();
  }

  /** Named copies of the whole committed state, and restoring one (reset, fixtures, tests). */
  Snapshots snapshots();

  @Override
  void close();
}
