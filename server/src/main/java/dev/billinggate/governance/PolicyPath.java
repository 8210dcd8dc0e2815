package dev.billinggate.governance;

import dev.billinggate.policy.PolicyType;
import java.util.List;

/**
 * The Organizations policies that govern one account, level by level: the root first, then each OU
 * down to the account itself (the last level). AWS requires an SCP Allow at every level and applies a
 * Deny at any level to everything below.
 */
public record PolicyPath(String accountId, List<Level> levels) {
  public PolicyPath {
    levels = List.copyOf(levels);
  }

  /** One root, OU or account and the policies attached to it directly. */
  public record Level(String targetId, List<OrgPolicy> policies) {
    public Level {
      policies = List.copyOf(policies);
    }

    public List<OrgPolicy> ofType(PolicyType type) {
      return policies.stream().filter(p -> p.type() == type).toList();
    }
  }

  /**
   * Whether any level has a policy of {@code type}. Once a type is enabled AWS keeps at least one
   * policy attached to every target, so none anywhere means the type is not enabled.
   */
  public boolean enabled(PolicyType type) {
    return levels.stream().anyMatch(l -> !l.ofType(type).isEmpty());
  }

  /** The ids of the levels {@code policyId} is attached to, root first. */
  public List<String> levelsOf(String policyId) {
    return levels.stream().filter(l -> l.policies().stream().anyMatch(p -> p.id().equals(policyId)))
        .map(Level::targetId).toList();
  }

  public OrgPolicy policy(String policyId) {
    return levels.stream().flatMap(l -> l.policies().stream()).filter(p -> p.id().equals(policyId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no policy " + policyId + " on the path"));
  }

  /** The {@code aws:PrincipalOrgPaths} value of principals in the account: {@code o-x/r-y/ou-z/}. */
  public String orgPath(String organizationId) {
    StringBuilder path = new StringBuilder(organizationId).append('/');
    levels.subList(0, Math.max(0, levels.size() - 1)).forEach(l -> path.append(l.targetId()).append('/'));
    return path.toString();
  }
}
