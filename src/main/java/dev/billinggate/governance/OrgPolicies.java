package dev.billinggate.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.PolicyTypeNotEnabledException;
import software.amazon.awssdk.services.organizations.model.PolicySummary;

/**
 * SCP and RCP statements on an account's path (the account, its OUs, the root). Policies and each
 * target's attachments are cached for the run: thousands of accounts share a few OUs and policies.
 */
public final class OrgPolicies {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<PolicyType> TYPES =
      List.of(PolicyType.SERVICE_CONTROL_POLICY, PolicyType.RESOURCE_CONTROL_POLICY);

  private final OrganizationsClient client;
  private final Map<String, List<PolicySummary>> attached = new ConcurrentHashMap<>();
  private final Map<String, List<PolicyStatement>> statements = new ConcurrentHashMap<>();

  public OrgPolicies(OrganizationsClient client) {
    this.client = client;
  }

  /** Every statement that applies to {@code account}, the account's own policies first. */
  public List<PolicyStatement> onPath(MemberAccount account) {
    List<String> targets = new ArrayList<>();
    targets.add(account.id());
    targets.addAll(account.path());
    List<PolicyStatement> all = new ArrayList<>();
    for (String target : targets) {
      // The account's own attachments change with every vend or move; OU and root ones are shared.
      List<PolicySummary> policies = target.equals(account.id()) ? attachments(target)
          : attached.computeIfAbsent(target, this::attachments);
      for (PolicySummary policy : policies) {
        all.addAll(statements.computeIfAbsent(policy.id(), id -> parse(policy)));
      }
    }
    return all;
  }

  private List<PolicySummary> attachments(String target) {
    List<PolicySummary> policies = new ArrayList<>();
    for (PolicyType type : TYPES) {
      try {
        client.listPoliciesForTargetPaginator(r -> r.targetId(target).filter(type)).stream()
            .forEach(page -> policies.addAll(page.policies()));
      } catch (PolicyTypeNotEnabledException e) {
        // An organization without RCPs (or SCPs) enabled has none of that type on any path.
      }
    }
    return policies;
  }

  private List<PolicyStatement> parse(PolicySummary summary) {
    String content = client.describePolicy(r -> r.policyId(summary.id())).policy().content();
    try {
      return PolicyStatement.parse(summary.id(), summary.name(), JSON.readTree(content));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("policy " + summary.id() + " is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
