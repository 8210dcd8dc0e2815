package dev.billinggate.service.organizations;

import java.util.Map;

/**
 * What CreateAccount asks IAM to build once the request succeeds.
 *
 * @param roleName the role trusting the management account ({@code OrganizationAccountAccessRole}
 *     unless the request named another)
 * @param iamUserAccessToBilling what the request asked for the account's "IAM user and role access
 *     to Billing information" switch; the provisioner applies the rule for UNSPECIFIED
 * @param tags tags the request asked to put on the account in the organization
 */
public record NewMemberAccount(
    String accountId,
    String email,
    String name,
    String roleName,
    String managementAccountId,
    String organizationId,
    BillingAccessChoice iamUserAccessToBilling,
    Map<String, String> tags) {

  public NewMemberAccount {
    tags = Map.copyOf(tags);
  }
}
