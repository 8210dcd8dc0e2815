package dev.billinggate.service.organizations;

import java.util.List;

/**
 * An account's place in its organization, as the authorizer needs it.
 *
 * @param path ids from the root through each OU to the account's parent (root first)
 * @param principalOrgPath the {@code aws:PrincipalOrgPaths} value, e.g. {@code o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/}
 * @param allFeatures whether the organization has all features enabled
 */
public record OrgMembership(
    String organizationId,
    String managementAccountId,
    String accountId,
    List<String> path,
    String principalOrgPath,
    boolean allFeatures) {

  public OrgMembership {
    path = List.copyOf(path);
  }

  public boolean isManagementAccount() {
    return managementAccountId.equals(accountId);
  }
}
