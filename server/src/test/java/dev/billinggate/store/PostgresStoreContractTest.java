package dev.billinggate.store;

import dev.billinggate.store.postgres.PostgresSettings;
import dev.billinggate.store.postgres.PostgresStore;
import dev.billinggate.testing.PostgresCluster;

/** The store contract on PostgreSQL; skipped with a message where PostgreSQL cannot be started. */
class PostgresStoreContractTest extends StoreContract {
  @Override
  protected Store newStore() {
    return PostgresStore.open(PostgresCluster.sharedOrSkip().newDatabase(), PostgresSettings.defaults());
  }
}
