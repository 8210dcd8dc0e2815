package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.key;

import dev.billinggate.policy.PolicyKind;
import dev.billinggate.service.iam.IamSchema.EntityKind;
import dev.billinggate.service.iam.IamSchema.InlinePolicy;
import dev.billinggate.service.iam.IamSchema.Role;
import dev.billinggate.service.iam.IamSchema.User;
import dev.billinggate.store.ReadTx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy documents that apply to an IAM principal, read from IAM's tables: what the authorizer
 * and the policy simulator evaluate. Documents come back uncompiled; callers compile (and cache).
 */
public final class IdentityPolicies {
  private final IamLookups lookups;

  public IdentityPolicies(IamLookups lookups) {
    this.lookups = lookups;
  }

  /** One policy document with how explanations name it and the kind it is validated as. */
  public record StoredPolicy(String id, String json, PolicyKind kind) {}

  /**
   * @param identity inline and attached policies (for users also those of their groups)
   * @param boundary the permissions boundary, or {@code null}
   * @param tags the principal's tags ({@code aws:PrincipalTag/...})
   * @param arn the user or role ARN (with path)
   * @param id the user or role unique id
   */
  public record Principal(String arn, String id, List<StoredPolicy> identity, StoredPolicy boundary,
      Map<String, String> tags) {}

  public Optional<Principal> user(ReadTx tx, String account, String userName) {
    Optional<User> found = tx.get(IamSchema.USERS, key(account, userName));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    User user = found.get();
    List<StoredPolicy> identity = new ArrayList<>(entityPolicies(tx, account, EntityKind.USER, user.name()));
    for (String group : GroupOperations.groupsOf(tx, account, user.name())) {
      identity.addAll(entityPolicies(tx, account, EntityKind.GROUP, group));
    }
    return Optional.of(new Principal(IamArns.user(account, user.path(), user.name()), user.id(), identity,
        boundary(tx, user.boundaryArn()), user.tags()));
  }

  public Optional<Principal> role(ReadTx tx, String account, String roleName) {
    return tx.get(IamSchema.ROLES, key(account, roleName)).map((Role role) -> new Principal(
        IamArns.role(account, role.path(), role.name()), role.id(),
        entityPolicies(tx, account, EntityKind.ROLE, role.name()), boundary(tx, role.boundaryArn()), role.tags()));
  }

  public Optional<Principal> group(ReadTx tx, String account, String groupName) {
    return tx.get(IamSchema.GROUPS, key(account, groupName)).map(group -> new Principal(
        IamArns.group(account, group.path(), group.name()), group.id(),
        entityPolicies(tx, account, EntityKind.GROUP, group.name()), null, Map.of()));
  }

  /** A managed policy's default version by ARN (customer policies of any account, or AWS managed). */
  public Optional<StoredPolicy> managed(ReadTx tx, String arn) {
    String owner = IamArns.account(arn);
    if (owner == null) {
      return Optional.empty();
    }
    // AWS managed policies are exempt from the customer quota (some exceed 6,144 characters).
    PolicyKind kind = IamArns.isAwsManagedPolicy(arn) ? PolicyKind.AWS_MANAGED : PolicyKind.MANAGED;
    return lookups.managedDocument(tx, owner, IamArns.inCurrentPartition(arn))
        .map(json -> new StoredPolicy(arn, json, kind));
  }

  private List<StoredPolicy> entityPolicies(ReadTx tx, String account, EntityKind kind, String name) {
    List<StoredPolicy> policies = new ArrayList<>();
    for (InlinePolicy inline : InlinePolicyOperations.inline(tx, account, kind, name)) {
      policies.add(new StoredPolicy(InlinePolicyOperations.inlineId(kind, name, inline.policyName()),
          inline.document(), InlinePolicyOperations.inlineKind(kind)));
    }
    for (String arn : AttachmentOperations.attachedArns(tx, account, kind, name)) {
      managed(tx, arn).ifPresent(policies::add);
    }
    return policies;
  }

  private StoredPolicy boundary(ReadTx tx, String arn) {
    return arn == null ? null : managed(tx, arn).orElse(null);
  }
}
