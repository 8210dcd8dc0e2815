package dev.billinggate.store.memory;

import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Store;
import dev.billinggate.store.Table;
import dev.billinggate.store.WriteTx;
import java.util.Map;
import java.util.function.Function;

/**
 * A store that keeps nothing across restarts ({@code --in-memory}, tests). Same transaction rules
 * and record encoding as the durable store, so code tested against it behaves the same there.
 */
public final class InMemoryStore implements Store {
  private final MemoryEngine engine = new MemoryEngine(Map.of(), CommitSink.NONE);

  @Override
  public <T> T read(Function<ReadTx, T> work) {
    return engine.read(work);
  }

  @Override
  public <T> T write(Function<WriteTx, T> work) {
    return engine.write(work);
  }

  @Override
  public void declare(Table<?>... tables) {
    engine.declare(tables);
  }

  @Override
  public void close() {
    engine.close();
  }
}
