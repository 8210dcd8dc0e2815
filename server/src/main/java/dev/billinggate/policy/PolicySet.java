package dev.billinggate.policy;

import java.util.List;

/**
 * Every policy that applies to one request, grouped by type.
 *
 * @param identity identity-based policies of the principal (user + groups, or the role)
 * @param boundary the permissions boundary, or {@code null}
 * @param session session policies ({@code Policy} and {@code PolicyArns}, or an AssumeRoot task
 *     policy); empty when the session has none
 * @param scpLevels SCPs attached at each level from the root through each OU to the principal's
 *     account; empty when the principal's account is not in an organization
 * @param rcpLevels RCPs at each level for the resource's account, same shape
 * @param resourcePolicy the resource-based policy, or {@code null}
 * @param resourcePolicyRequired {@code true} when the resource policy must allow on its own (role
 *     trust policies): identity policies cannot grant access without it
 */
public record PolicySet(
    List<Policy> identity,
    Policy boundary,
    List<Policy> session,
    List<List<Policy>> scpLevels,
    List<List<Policy>> rcpLevels,
    Policy resourcePolicy,
    boolean resourcePolicyRequired) {

  public PolicySet {
    identity = List.copyOf(identity);
    session = List.copyOf(session);
    scpLevels = scpLevels.stream().map(List::copyOf).toList();
    rcpLevels = rcpLevels.stream().map(List::copyOf).toList();
  }
}
