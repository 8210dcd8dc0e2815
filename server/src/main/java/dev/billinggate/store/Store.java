package dev.billinggate.store;

import java.util.function.Consumer;
import java.util.function.Function;

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

  /** Named copies of the whole committed state, and restoring one (reset, fixtures, tests). */
  Snapshots snapshots();

  @Override
  void close();
}
