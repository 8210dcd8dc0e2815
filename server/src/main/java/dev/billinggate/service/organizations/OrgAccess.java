package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgTables.DELEGATED_ADMINS;
import static dev.billinggate.service.organizations.OrgTables.MEMBERS;
import static dev.billinggate.service.organizations.OrgTables.ORGS;
import static dev.billinggate.service.organizations.OrgTables.RESOURCE_POLICY;
import static dev.billinggate.service.organizations.OrgTables.key;

import dev.billinggate.service.organizations.OrgTables.MemberRecord;
import dev.billinggate.service.organizations.OrgTables.OrgRecord;
import dev.billinggate.store.ReadTx;
import java.util.Optional;

/**
 * Organizations' own rules about who may call what, on top of IAM evaluation (which the gateway has
 * already done): most operations only from the management account, reads also from delegated
 * administrators, reads and policy management also from accounts the organization's resource policy
 * delegates to.
 */
final class OrgAccess {
  private OrgAccess() {}

  static Optional<OrgRecord> orgOf(ReadTx tx, String accountId) {
    return tx.get(MEMBERS, accountId).map(MemberRecord::orgId).flatMap(id -> tx.get(ORGS, id));
  }

  /** The caller's organization; AWSOrganizationsNotInUseException when it has none. */
  static OrgRecord member(ReadTx tx, String callerAccount) {
    return orgOf(tx, callerAccount).orElseThrow(OrganizationsError::notInUse);
  }

  /** The caller's organization when the caller is its management account, else AccessDenied. */
  static OrgRecord management(ReadTx tx, String callerAccount) {
    OrgRecord org = member(tx, callerAccount);
    if (!org.managementAccountId().equals(callerAccount)) {
      throw OrganizationsError.accessDenied();
    }
    return org;
  }

  /**
   * For read operations AWS opens to delegated administrators. A member that is no delegated
   * administrator gets through only when a resource policy exists: the access rule then made the
   * gateway evaluate the request cross-account against that policy, so reaching here means it allowed.
   */
  static OrgRecord reader(ReadTx tx, String callerAccount) {
    OrgRecord org = member(tx, callerAccount);
    if (org.managementAccountId().equals(callerAccount)
        || isDelegatedAdministrator(tx, org.id(), callerAccount)
        || tx.get(RESOURCE_POLICY, org.id()).isPresent()) {
      return org;
    }
    throw OrganizationsError.accessDenied();
  }

  /**
   * For policy management (Create/Update/Delete/Attach/DetachPolicy, Enable/DisablePolicyType),
   * which AWS lets the resource policy delegate to members, delegated administrators included: as
   * for {@link #reader}, the gateway has evaluated a member's request against that policy.
   */
  static OrgRecord policyManager(ReadTx tx, String callerAccount) {
    OrgRecord org = member(tx, callerAccount);
    if (org.managementAccountId().equals(callerAccount) || tx.get(RESOURCE_POLICY, org.id()).isPresent()) {
      return org;
    }
    throw OrganizationsError.accessDenied();
  }

  static boolean isDelegatedAdministrator(ReadTx tx, String orgId, String accountId) {
    return tx.count(DELEGATED_ADMINS, key(orgId, accountId) + "/") > 0;
  }
}
