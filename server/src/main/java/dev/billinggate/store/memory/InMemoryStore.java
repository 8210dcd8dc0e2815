package dev.billinggate.store.memory;

import dev.billinggate.store.ForwardingStore;
import dev.billinggate.store.engine.CommitSink;
import dev.billinggate.store.engine.MemoryEngine;
import java.util.Map;

/**
 * A store that keeps nothing across restarts ({@code --in-memory}, tests). Same transaction rules
 * and record encoding as the durable store, so code tested against it behaves the same there.
 */
public final class InMemoryStore extends ForwardingStore {
  public InMemoryStore() {
    super(new MemoryEngine(Map.of(), CommitSink.NONE));
  }
}
