package dev.billinggate.service.iam;

import dev.billinggate.policy.Policy;
import java.util.List;
import java.util.Optional;

/**
 * What IAM and STS need to know about an account's organization for centralized root access. The
 * app implements it over Organizations, so this package does not depend on it; {@link #NONE} treats
 * every account as standalone.
 */
public interface IamOrganizations {
  /** The IAM service principal whose trusted access and delegated administrator root access requires. */
  String IAM_SERVICE_PRINCIPAL = "iam.amazonaws.com";

  /** The account's standing in its organization, empty when it is in none. */
  Optional<Standing> standing(String accountId);

  /**
   * @param iamTrustedAccess whether trusted access for {@link #IAM_SERVICE_PRINCIPAL} is enabled
   * @param iamDelegatedAdministrator whether the account is the delegated administrator for IAM
   */
  record Standing(String accountId, String organizationId, String managementAccountId, boolean allFeatures,
      boolean iamTrustedAccess, boolean iamDelegatedAdministrator) {

    public boolean isManagementAccount() {
      return managementAccountId.equals(accountId);
    }
  }

  /**
   * The service control policies that apply to the account's principals, one list per level (root,
   * each OU, the account); empty outside an organization and for the management account.
   */
  default List<List<Policy>> serviceControlPolicies(String accountId) {
    return List.of();
  }

  IamOrganizations NONE = accountId -> Optional.empty();
}
