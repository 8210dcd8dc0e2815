package dev.billinggate.service.billing;

import dev.billinggate.service.organizations.OrgMembership;
import dev.billinggate.service.organizations.OrganizationDirectory;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Store;
import dev.billinggate.store.Table;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The account-level Cost Management state that no public API changes: whether Cost Explorer is
 * enabled (a console action, "You can't enable Cost Explorer using the API") and the management
 * account's Cost Management preferences for member accounts. The console calls this class; Cost
 * Explorer and Budgets read it to decide who sees which cost data.
 */
public final class CostManagement {

  /** @param enabledAt when the account's root or an allowed IAM principal launched Cost Explorer */
  public record CostExplorerEnablement(String accountId, Instant enabledAt) {}

  /**
   * The management account's "Cost Management preferences" for its members.
   *
   * @param linkedAccountAccess members may use Cost Explorer for their own costs
   * @param linkedAccountRefundsAndCredits members see their refunds and credits
   * @param linkedAccountDiscounts members see their discounts
   */
  public record Preferences(
      String accountId, boolean linkedAccountAccess, boolean linkedAccountRefundsAndCredits,
      boolean linkedAccountDiscounts) {

    /** AWS's defaults: member access on, refunds/credits and discounts hidden from members. */
    public static Preferences defaults(String accountId) {
      return new Preferences(accountId, true, false, false);
    }
  }

  public static final Table<CostExplorerEnablement> ENABLEMENT =
      Table.of("billing.cost_explorer", CostExplorerEnablement.class);
  public static final Table<Preferences> PREFERENCES = Table.of("billing.cost_preferences", Preferences.class);

  private final Store store;
  private final OrganizationDirectory directory;
  private final Clock clock;
  private final Duration ingestionDelay;

  /**
   * @param ingestionDelay how long after enabling Cost Explorer data becomes available (AWS: up to
   *     24 hours; {@link Duration#ZERO} makes it immediate)
   */
  public CostManagement(Store store, OrganizationDirectory directory, Clock clock, Duration ingestionDelay) {
    this.store = store;
    this.directory = directory;
    this.clock = clock;
    this.ingestionDelay = ingestionDelay;
  }

  public static List<Table<?>> tables() {
    return List.of(ENABLEMENT, PREFERENCES);
  }

  /** What the Cost Explorer console's "Launch Cost Explorer" does. Enabling twice keeps the first time. */
  public void enableCostExplorer(String accountId) {
    store.write(tx -> {
      if (tx.get(ENABLEMENT, accountId).isEmpty()) {
        tx.put(ENABLEMENT, accountId, new CostExplorerEnablement(accountId, clock.instant()));
      }
      return null;
    });
  }

  /**
   * When Cost Explorer became enabled for the account: its own enablement when standalone, the
   * management account's in an organization (enabling it there enables it for every member).
   */
  public Optional<Instant> costExplorerEnabledAt(String accountId) {
    String owner = directory.membership(accountId).map(OrgMembership::managementAccountId).orElse(accountId);
    return store.read(tx -> enabledAt(tx, owner));
  }

  public boolean isCostExplorerEnabled(String accountId) {
    return costExplorerEnabledAt(accountId).isPresent();
  }

  /** Whether the account's cost data is ingested: enabled at least {@code ingestionDelay} ago. */
  public boolean isDataAvailable(String accountId) {
    return costExplorerEnabledAt(accountId).map(at -> !at.plus(ingestionDelay).isAfter(clock.instant()))
        .orElse(false);
  }

  /** The preferences that apply to the account: its management account's, or defaults when standalone. */
  public Preferences preferencesFor(String accountId) {
    String owner = directory.membership(accountId).map(OrgMembership::managementAccountId).orElse(accountId);
    return preferences(owner);
  }

  /** The preferences an account has set (defaults when never changed). */
  public Preferences preferences(String managementAccountId) {
    return store.read(tx -> tx.get(PREFERENCES, managementAccountId))
        .orElse(Preferences.defaults(managementAccountId));
  }

  /**
   * Saves the Cost Management preferences page. Only a management account has member preferences;
   * AWS shows the section only there.
   *
   * @throws IllegalStateException when the account is not the management account of an organization
   */
  public void updatePreferences(Preferences preferences) {
    boolean management = directory.membership(preferences.accountId()).map(OrgMembership::isManagementAccount)
        .orElse(false);
    if (!management) {
      throw new IllegalStateException(preferences.accountId() + " is not the management account of an organization");
    }
    store.write(tx -> {
      tx.put(PREFERENCES, preferences.accountId(), preferences);
      return null;
    });
  }

  private static Optional<Instant> enabledAt(ReadTx tx, String accountId) {
    return tx.get(ENABLEMENT, accountId).map(CostExplorerEnablement::enabledAt);
  }
}
