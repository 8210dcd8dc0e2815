package dev.billinggate.service.billing;

import dev.billinggate.service.organizations.BillingAccessChoice;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Store;
import dev.billinggate.store.Table;
import dev.billinggate.store.WriteTx;

/**
 * Each account's "IAM user and role access to billing information" switch. No public AWS API reads
 * or changes it; it is set when Organizations creates an account ({@code IamUserAccessToBilling})
 * and by the account's root user in the console.
 */
public final class BillingAccess {

  /** @param iamAccessActivated whether IAM users and roles may see billing pages their policies allow */
  public record Setting(String accountId, boolean iamAccessActivated) {}

  public static final Table<Setting> TABLE = Table.of("billing.iam_access", Setting.class);

  private BillingAccess() {}

  /** The switch of {@code accountId}; deactivated, the standalone default, when never set. */
  public static boolean isActivated(ReadTx tx, String accountId) {
    return tx.get(TABLE, accountId).map(Setting::iamAccessActivated).orElse(false);
  }

  public static void set(WriteTx tx, String accountId, boolean activated) {
    tx.put(TABLE, accountId, new Setting(accountId, activated));
  }

  /** Changes the switch in a transaction of its own (the root user's edit in the console). */
  public static void set(Store store, String accountId, boolean activated) {
    store.update(tx -> set(tx, accountId, activated));
  }

  /**
   * How an account created without {@code IamUserAccessToBilling} starts. AWS documents ALLOW as the
   * default; seed 003 reports (confirmed by AWS Support, undocumented) that what decides is whether
   * the management account had turned on linked account access in its Cost Management preferences.
   */
  public enum DefaultRule {
    /** The documented default: activated. */
    DOCUMENTED_ALLOW,
    /** Activated exactly when the management account's linked account access is on. */
    LINKED_ACCOUNT_ACCESS;

    /**
     * @param requested CreateAccount's {@code IamUserAccessToBilling}
     * @param linkedAccountAccess the management account's preference at creation time
     */
    public boolean activated(BillingAccessChoice requested, boolean linkedAccountAccess) {
      return switch (requested) {
        case ALLOW -> true;
        case DENY -> false;
        case UNSPECIFIED -> this == DOCUMENTED_ALLOW || linkedAccountAccess;
      };
    }
  }
}
