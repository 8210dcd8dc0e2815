package dev.billinggate.authz;

import dev.billinggate.service.iam.IdentityPolicies.StoredPolicy;
import java.util.List;
import java.util.Optional;

/**
 * What Organizations contributes to every authorization: SCPs and RCPs by level, and whether an
 * account is a management account. Organizations implements this; until then {@link #NONE}
 * (every account standalone).
 */
public interface OrganizationPolicies {

  /** SCPs attached at each level from the root through each OU to {@code accountId}; empty when standalone. */
  List<List<StoredPolicy>> scpLevels(String accountId);

  /** RCPs at each level for a resource owned by {@code accountId}; empty when standalone. */
  List<List<StoredPolicy>> rcpLevels(String accountId);

  /** Whether {@code accountId} is its organization's management account (SCPs do not apply to it). */
  boolean isManagementAccount(String accountId);

  /** The organization id ({@code aws:PrincipalOrgID}, {@code aws:ResourceOrgID}) of {@code accountId}. */
  Optional<String> organizationId(String accountId);

  OrganizationPolicies NONE = new OrganizationPolicies() {
    @Override public List<List<StoredPolicy>> scpLevels(String accountId) { return List.of(); }
    @Override public List<List<StoredPolicy>> rcpLevels(String accountId) { return List.of(); }
    @Override public boolean isManagementAccount(String accountId) { return false; }
    @Override public Optional<String> organizationId(String accountId) { return Optional.empty(); }
  };
}
