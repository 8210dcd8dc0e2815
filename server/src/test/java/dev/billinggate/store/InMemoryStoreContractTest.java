package dev.billinggate.store;

import dev.billinggate.store.memory.InMemoryStore;

class InMemoryStoreContractTest extends StoreContract {
  @Override
  protected Store newStore() {
    return new InMemoryStore();
  }
}
