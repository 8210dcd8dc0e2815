package dev.billinggate.console.gate;

import dev.billinggate.auth.Caller;
import dev.billinggate.authz.Authorizer;
import dev.billinggate.catalog.BillingPage;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.billing.CostManagement;
import dev.billinggate.service.organizations.OrgMembership;
import dev.billinggate.service.organizations.OrganizationDirectory;
import dev.billinggate.store.Store;
import java.util.Optional;

/**
 * Decides whether a billing page opens. Order matters and follows AWS: the account's switch first
 * (IAM users and roles, however privileged, see nothing while it is off; root always passes), then
 * Cost Explorer's linked-account access for member accounts, then the principal's policies through
 * the real {@link Authorizer}: identity, boundary, session policies and SCPs.
 */
public final class PageGate {
  private final Store store;
  private final Authorizer authorizer;
  private final OrganizationDirectory organizations;
  private final CostManagement costs;

  public PageGate(Store store, Authorizer authorizer, OrganizationDirectory organizations, CostManagement costs) {
    this.store = store;
    this.authorizer = authorizer;
    this.organizations = organizations;
    this.costs = costs;
  }

  public GateDecision check(BillingPage page, CallContext context) {
    Caller caller = context.caller();
    if (!caller.isRoot() && !iamAccessActivated(caller.accountId())) {
      return new GateDecision.IamAccessDeactivated(caller.accountId(), memberOf(caller.accountId()).isPresent());
    }
    if (page == BillingPage.COST_EXPLORER) {
      Optional<OrgMembership> member = memberOf(caller.accountId());
      if (member.isPresent()
          && !costs.preferencesFor(caller.accountId()).linkedAccountAccess()) {
        return new GateDecision.LinkedAccountAccessOff(member.get().managementAccountId());
      }
    }
    for (String action : page.actions()) {
      Optional<String> denial = denial(action, context);
      if (denial.isPresent()) {
        return new GateDecision.MissingPermission(action, denial.get());
      }
    }
    return GateDecision.ALLOWED;
  }

  /** AWS's AccessDenied message when the caller may not perform {@code action}; empty when allowed. */
  public Optional<String> denial(String action, CallContext context) {
    return authorizer.denial(context.caller(), AccessTarget.of(action, "*"), context);
  }

  public boolean iamAccessActivated(String accountId) {
    return store.read(tx -> BillingAccess.isActivated(tx, accountId));
  }

  /** The account's membership when it is a member (not the management account) of an organization. */
  public Optional<OrgMembership> memberOf(String accountId) {
    return organizations.membership(accountId).filter(m -> !m.isManagementAccount());
  }

  /** Whether the account is the management account of an organization. */
  public boolean isManagementAccount(String accountId) {
    return organizations.membership(accountId).map(OrgMembership::isManagementAccount).orElse(false);
  }
}
