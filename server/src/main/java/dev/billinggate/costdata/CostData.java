package dev.billinggate.costdata;

import dev.billinggate.store.Store;
import dev.billinggate.store.Table;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where cost data comes from: imported data for the accounts an import covered (stored durably),
 * synthetic data for every other account, generated on first use and cached.
 *
 * <p>Synthetic data covers {@link #HISTORY_DAYS} days up to and including today (the clock's UTC
 * date); the cache regenerates an account's window when the date moves on. Days outside the window
 * simply have no costs, like days outside AWS's retention.
 */
public final class CostData {
  /**
   * 15 months: Cost Explorer's 14 months of history (13 months plus the current one) and a margin.
   * Multi-year data is an opt-in billing-gate does not offer; older days have no costs.
   */
  public static final int HISTORY_DAYS = 15 * 31;

  public static final Table<AccountCosts> IMPORTED = Table.of("costdata.imported", AccountCosts.class);

  private final Store store;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  /** Imported data stays valid however the date moves; synthetic data is regenerated each day. */
  private record Cached(AccountCosts costs, boolean imported) {}

  public CostData(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public static List<Table<?>> tables() {
    return List.of(IMPORTED);
  }

  /** Today's epoch day in UTC: the last day with (partial, estimated) costs. */
  public int today() {
    return (int) LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toEpochDay();
  }

  /** The account's costs: imported when an import covered it, else synthetic up to today. */
  public AccountCosts account(String accountId) {
    int end = today() + 1;
    Cached cached = cache.get(accountId);
    if (cached != null && (cached.imported() || cached.costs().endDay() == end)) {
      return cached.costs();
    }
    Cached fresh = store.read(tx -> tx.get(IMPORTED, accountId)).map(c -> new Cached(c, true))
        .orElseGet(() -> new Cached(SyntheticCosts.generate(accountId, end - HISTORY_DAYS, HISTORY_DAYS), false));
    cache.put(accountId, fresh);
    return fresh.costs();
  }

  /** Drops every cached account, after the stored state was replaced (reset, restore). */
  public void forgetCached() {
    cache.clear();
  }

  /** Replaces the data of every account in {@code accounts}, durably, in one write. */
  public void replace(Collection<AccountCosts> accounts) {
    store.write(tx -> {
      accounts.forEach(a -> tx.put(IMPORTED, a.accountId(), a));
      return null;
    });
    accounts.forEach(a -> cache.put(a.accountId(), new Cached(a, true)));
  }
}
