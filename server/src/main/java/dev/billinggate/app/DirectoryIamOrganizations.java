package dev.billinggate.app;

import dev.billinggate.policy.Policy;
import dev.billinggate.policy.PolicyType;
import dev.billinggate.service.iam.IamOrganizations;
import dev.billinggate.service.organizations.OrganizationDirectory;
import java.util.List;
import java.util.Optional;

/** IAM's and STS's view of Organizations (root access, the simulator's SCPs), read from the cached directory. */
public final class DirectoryIamOrganizations implements IamOrganizations {
  private final OrganizationDirectory directory;

  public DirectoryIamOrganizations(OrganizationDirectory directory) {
    this.directory = directory;
  }

  @Override
  public Optional<Standing> standing(String accountId) {
    return directory.membership(accountId).map(m -> new Standing(accountId, m.organizationId(),
        m.managementAccountId(), m.allFeatures(),
        directory.isServiceAccessEnabled(accountId, IAM_SERVICE_PRINCIPAL),
        directory.isDelegatedAdministrator(accountId, IAM_SERVICE_PRINCIPAL)));
  }

  @Override
  public List<List<Policy>> serviceControlPolicies(String accountId) {
    return directory.policiesByLevel(accountId, PolicyType.SERVICE_CONTROL);
  }
}
