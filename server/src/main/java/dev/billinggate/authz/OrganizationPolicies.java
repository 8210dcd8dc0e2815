package dev.billinggate.authz;

import dev.billinggate.policy.Policy;
import java.util.List;
import java.util.Optional;

/**
 * What Organizations contributes to every authorization: compiled SCPs and RCPs by level, and the
 * account's place in its organization. The app implements it over Organizations'
 * {@code OrganizationDirectory}; {@link #NONE} treats every account as standalone.
 */
public interface OrganizationPolicies {

  /** SCPs attached at each level from the root through each OU to {@code accountId}; empty when none apply. */
  List<List<Policy>> scpLevels(String accountId);

  /** RCPs at each level for a resource owned by {@code accountId}; empty when none apply. */
  List<List<Policy>> rcpLevels(String accountId);

  /** Whether {@code accountId} is its organization's management account (SCPs do not apply to it). */
  boolean isManagementAccount(String accountId);

  /** The organization id ({@code aws:PrincipalOrgID}, {@code aws:ResourceOrgID}) of {@code accountId}. */
  Optional<String> organizationId(String accountId);

  /** {@code aws:PrincipalOrgPaths}: {@code o-x/r-y/ou-z/} of the account, empty when standalone. */
  Optional<String> orgPath(String accountId);

  OrganizationPolicies NONE = new OrganizationPolicies() {
    @Override public List<List<Policy>> scpLevels(String accountId) { return List.of(); }
    @Override public List<List<Policy>> rcpLevels(String accountId) { return List.of(); }
    @Override public boolean isManagementAccount(String accountId) { return false; }
    @Override public Optional<String> organizationId(String accountId) { return Optional.empty(); }
    @Override public Optional<String> orgPath(String accountId) { return Optional.empty(); }
  };
}
