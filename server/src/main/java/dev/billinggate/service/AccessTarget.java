package dev.billinggate.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an operation asks the authorizer to check before it runs: the action, the resource it acts
 * on, the resource's owner and policy, and request-specific condition keys
 * ({@code iam:PermissionsBoundary}, {@code aws:RequestTag/...}, ...).
 *
 * @param action the IAM action, e.g. {@code iam:CreateUser}
 * @param resourceArn the resource ARN, or {@code *} for actions without a resource type
 * @param resourceAccount the account owning the resource, {@code null} when it is the caller's
 * @param resourcePolicy the resource-based policy JSON (e.g. a role's trust policy), or {@code null}
 * @param resourceTags tags on the resource ({@code aws:ResourceTag/...})
 * @param contextKeys additional condition keys and values from the request
 * @param dependentActions further actions the caller must be allowed for the call to succeed (the
 *     Service Authorization Reference's "dependent actions", e.g. {@code iam:PassRole} on the role
 *     AddRoleToInstanceProfile puts into a profile), checked after this one
 */
public record AccessTarget(
    String action,
    String resourceArn,
    String resourceAccount,
    String resourcePolicy,
    Map<String, String> resourceTags,
    Map<String, List<String>> contextKeys,
    List<AccessTarget> dependentActions) {

  public AccessTarget {
    resourceTags = Map.copyOf(resourceTags);
    contextKeys = Map.copyOf(contextKeys);
    dependentActions = List.copyOf(dependentActions);
  }

  public static AccessTarget of(String action, String resourceArn) {
    return new AccessTarget(action, resourceArn, null, null, Map.of(), Map.of(), List.of());
  }

  /** This target, and {@code dependent} as a further action the caller must be allowed. */
  public AccessTarget requiring(AccessTarget dependent) {
    List<AccessTarget> all = new ArrayList<>(dependentActions);
    all.add(dependent);
    return new AccessTarget(action, resourceArn, resourceAccount, resourcePolicy, resourceTags, contextKeys, all);
  }

  public AccessTarget withContext(Map<String, List<String>> keys) {
    return new AccessTarget(action, resourceArn, resourceAccount, resourcePolicy, resourceTags, keys, dependentActions);
  }

  public AccessTarget withResourcePolicy(String owner, String policy) {
    return new AccessTarget(action, resourceArn, owner, policy, resourceTags, contextKeys, dependentActions);
  }

  public AccessTarget withResourceTags(Map<String, String> tags) {
    return new AccessTarget(action, resourceArn, resourceAccount, resourcePolicy, tags, contextKeys, dependentActions);
  }
}
