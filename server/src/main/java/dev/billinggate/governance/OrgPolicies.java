package dev.billinggate.governance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.PolicyTypeNotEnabledException;

/**
 * SCPs and RCPs on an account's path (the root, its OUs, the account), level by level. Policies and
 * each OU's and root's attachments are cached for the run: thousands of accounts share a few OUs and
 * policies.
 */
public final class OrgPolicies {
  private static final List<PolicyType> TYPES =
      List.of(PolicyType.SERVICE_CONTROL_POLICY, PolicyType.RESOURCE_CONTROL_POLICY);

  private final OrganizationsClient client;
  private final Map<String, List<PolicySummary>> attached = new ConcurrentHashMap<>();
  private final Map<String, OrgPolicy> policies = new ConcurrentHashMap<>();

  public OrgPolicies(OrganizationsClient client) {
    this.client = client;
  }

  /** The policies that govern {@code account}, root level first. */
  public PolicyPath onPath(MemberAccount account) {
    List<String> targets = new ArrayList<>(account.path());
    Collections.reverse(targets);
    targets.add(account.id());
    List<PolicyPath.Level> levels = new ArrayList<>();
    for (String target : targets) {
      // The account's own attachments change with every vend or move; OU and root ones are shared.
      List<PolicySummary> summaries = target.equals(account.id()) ? attachments(target)
          : attached.computeIfAbsent(target, this::attachments);
      levels.add(new PolicyPath.Level(target,
          summaries.stream().map(s -> policies.computeIfAbsent(s.id(), id -> describe(s))).toList()));
    }
    return new PolicyPath(account.id(), levels);
  }

  private List<PolicySummary> attachments(String target) {
    List<PolicySummary> summaries = new ArrayList<>();
    for (PolicyType type : TYPES) {
      try {
        client.listPoliciesForTargetPaginator(r -> r.targetId(target).filter(type)).stream()
            .forEach(page -> summaries.addAll(page.policies()));
      } catch (PolicyTypeNotEnabledException e) {
        // An organization without RCPs (or SCPs) enabled has none of that type on any path.
      }
    }
    return summaries;
  }

  private OrgPolicy describe(PolicySummary summary) {
    String content = client.describePolicy(r -> r.policyId(summary.id())).policy().content();
    return new OrgPolicy(summary.id(), summary.name(), summary.type() == PolicyType.RESOURCE_CONTROL_POLICY
        ? dev.billinggate.policy.PolicyType.RESOURCE_CONTROL : dev.billinggate.policy.PolicyType.SERVICE_CONTROL,
        content);
  }
}
