package dev.billinggate.service.costexplorer;

import dev.billinggate.costdata.AccountCosts;
import dev.billinggate.costdata.CostData;
import dev.billinggate.costdata.CostLine;
import dev.billinggate.service.billing.CostManagement;
import dev.billinggate.service.billing.CostManagement.Preferences;
import dev.billinggate.service.organizations.OrgMembership;
import dev.billinggate.service.organizations.OrganizationDirectory;
import dev.billinggate.service.organizations.OrganizationDirectory.OrgAccount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whose costs an account may see in Cost Explorer, and whether it may use Cost Explorer at all.
 *
 * <p>Gates, in AWS's order: Cost Explorer must be enabled (for a member: by its management account),
 * a member needs "linked account access" in its management account's preferences, and data must have
 * been ingested since enabling. A management account sees every account of its organization; a member
 * or standalone account sees only its own costs, without refunds/credits or discounts unless the
 * management account's preferences show them.
 */
public final class CostScope {
  private final CostManagement management;
  private final OrganizationDirectory directory;
  private final CostData data;

  /**
   * @param accounts the visible accounts' costs
   * @param names account id → name, for {@code LINKED_ACCOUNT_NAME} and dimension attributes
   * @param payerAccountId the account paying the bill ({@code PAYER_ACCOUNT})
   * @param visible which lines of those accounts the caller may see
   */
  public record Visible(List<AccountCosts> accounts, Map<String, String> names, String payerAccountId,
      Predicate<CostLine> visible) {}

  public CostScope(CostManagement management, OrganizationDirectory directory, CostData data) {
    this.management = management;
    this.directory = directory;
    this.data = data;
  }

  public CostData data() {
    return data;
  }

  /** The caller account's view, after the gates. */
  public Visible of(String accountId) {
    if (!management.isCostExplorerEnabled(accountId)) {
      throw CostExplorerError.notEnabled();
    }
    Optional<OrgMembership> membership = directory.membership(accountId);
    boolean member = membership.isPresent() && !membership.get().isManagementAccount();
    Preferences prefs = management.preferencesFor(accountId);
    if (member && !prefs.linkedAccountAccess()) {
      throw CostExplorerError.notEnabled();
    }
    if (!management.isDataAvailable(accountId)) {
      throw CostExplorerError.dataUnavailable();
    }
    return view(accountId, membership, prefs);
  }

  /**
   * The account's view without Cost Explorer's gates: what Budgets computes spend from (Budgets works
   * whether or not Cost Explorer is enabled).
   */
  public Visible ungated(String accountId) {
    return view(accountId, directory.membership(accountId), management.preferencesFor(accountId));
  }

  private Visible view(String accountId, Optional<OrgMembership> membership, Preferences prefs) {
    boolean member = membership.isPresent() && !membership.get().isManagementAccount();
    Map<String, String> names = new LinkedHashMap<>();
    List<OrgAccount> orgAccounts = directory.organizationAccounts(accountId);
    orgAccounts.forEach(a -> names.put(a.accountId(), a.name()));
    names.putIfAbsent(accountId, accountId);
    List<String> ids = membership.map(OrgMembership::isManagementAccount).orElse(false)
        ? new ArrayList<>(names.keySet()) : List.of(accountId);
    List<AccountCosts> accounts = ids.stream().map(data::account).toList();
    String payer = membership.map(OrgMembership::managementAccountId).orElse(accountId);
    Predicate<CostLine> visible = line -> true;
    if (member) {
      boolean credits = prefs.linkedAccountRefundsAndCredits();
      boolean discounts = prefs.linkedAccountDiscounts();
      visible = line -> (credits || !line.isRefundOrCredit()) && (discounts || !line.isDiscount());
    }
    return new Visible(accounts, names, payer, visible);
  }
}
