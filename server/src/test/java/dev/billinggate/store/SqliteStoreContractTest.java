package dev.billinggate.store;

import dev.billinggate.store.sqlite.SqliteStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreContractTest extends StoreContract {
  @TempDir Path dataDir;

  @Override
  protected Store newStore() {
    return SqliteStore.open(dataDir);
  }
}
