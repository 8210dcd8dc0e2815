package dev.billinggate.service.organizations;

import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Store;
import dev.billinggate.store.WriteTx;
import java.time.Instant;
import java.util.function.Function;

/**
 * How every operation touches the store: injected faults first, then any asynchronous work that has
 * come due (so CreateAccount and CloseAccount advance when observed, durably, without background
 * threads), then the operation; after a committed write the directory's caches are dropped.
 */
final class OrgTransactions {
  private final Store store;
  private final AccountLifecycle lifecycle;
  private final OrganizationDirectory directory;
  private final FaultInjector faults;

  OrgTransactions(Store store, AccountLifecycle lifecycle, OrganizationDirectory directory, FaultInjector faults) {
    this.store = store;
    this.lifecycle = lifecycle;
    this.directory = directory;
    this.faults = faults;
  }

  <T> T read(Instant now, Function<ReadTx, T> work) {
    faults.beforeRead();
    if (store.read(tx -> lifecycle.hasDue(tx, now))) {
      commit(tx -> {
        lifecycle.settle(tx, now);
        return null;
      });
    }
    return store.read(work);
  }

  /** One {@link Store#write} per mutating operation; due work settles in the same transaction. */
  <T> T write(Instant now, Function<WriteTx, T> work) {
    faults.beforeWrite();
    return commit(tx -> {
      lifecycle.settle(tx, now);
      return work.apply(tx);
    });
  }

  private <T> T commit(Function<WriteTx, T> work) {
    try {
      return store.write(work);
    } finally {
      // After the commit (or a rollback, harmlessly): anything cached may predate it.
      directory.invalidate();
    }
  }
}
