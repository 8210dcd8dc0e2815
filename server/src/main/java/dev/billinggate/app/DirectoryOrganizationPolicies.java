package dev.billinggate.app;

import dev.billinggate.authz.OrganizationPolicies;
import dev.billinggate.policy.Policy;
import dev.billinggate.policy.PolicyType;
import dev.billinggate.service.organizations.OrgMembership;
import dev.billinggate.service.organizations.OrganizationDirectory;
import java.util.List;
import java.util.Optional;

/** The authorizer's view of Organizations, read from the cached {@link OrganizationDirectory}. */
public final class DirectoryOrganizationPolicies implements OrganizationPolicies {
  private final OrganizationDirectory directory;

  public DirectoryOrganizationPolicies(OrganizationDirectory directory) {
    this.directory = directory;
  }

  @Override
  public List<List<Policy>> scpLevels(String accountId) {
    return directory.policiesByLevel(accountId, PolicyType.SERVICE_CONTROL);
  }

  @Override
  public List<List<Policy>> rcpLevels(String accountId) {
    return directory.policiesByLevel(accountId, PolicyType.RESOURCE_CONTROL);
  }

  @Override
  public boolean isManagementAccount(String accountId) {
    return directory.membership(accountId).map(OrgMembership::isManagementAccount).orElse(false);
  }

  @Override
  public Optional<String> organizationId(String accountId) {
    return directory.membership(accountId).map(OrgMembership::organizationId);
  }

  @Override
  public Optional<String> orgPath(String accountId) {
    return directory.membership(accountId).map(OrgMembership::principalOrgPath);
  }
}
