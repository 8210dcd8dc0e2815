package dev.billinggate.store;

import dev.billinggate.store.memory.InMemoryStore;

class InMemorySnapshotContractTest extends SnapshotContract {
  @Override
  protected Store newStore() {
    return new InMemoryStore();
  }
}
