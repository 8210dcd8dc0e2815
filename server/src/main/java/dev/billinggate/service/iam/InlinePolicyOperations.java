package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.key;
import static dev.billinggate.service.iam.IamSchema.prefix;

import dev.billinggate.policy.PolicyKind;
import dev.billinggate.policy.document.PolicySize;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.EntityKind;
import dev.billinggate.service.iam.IamSchema.InlinePolicy;
import dev.billinggate.store.ReadTx;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.iam.model.DeleteGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutUserPolicyResponse;

/** Inline policies of users, groups and roles. */
final class InlinePolicyOperations {
  private final IamEnv env;
  private final IamLookups lookups;
  private final IamAccess access;
  private final PolicyDocuments documents;

  public InlinePolicyOperations(IamEnv env, IamLookups lookups) {
    this.env = env;
    this.lookups = lookups;
    this.access = new IamAccess(env.store());
    this.documents = new PolicyDocuments(env.engine());
  }

  public void register(OperationTable table) {
    table.on(PutUserPolicyRequest.class, (r, c) -> access.user("iam:PutUserPolicy", c, r.userName()),
        (r, c) -> IamRules.done(() -> put(c, EntityKind.USER, r.userName(), r.policyName(), r.policyDocument()),
            PutUserPolicyResponse.builder()::build));
    table.on(PutGroupPolicyRequest.class, (r, c) -> access.group("iam:PutGroupPolicy", c, r.groupName()),
        (r, c) -> IamRules.done(() -> put(c, EntityKind.GROUP, r.groupName(), r.policyName(), r.policyDocument()),
            PutGroupPolicyResponse.builder()::build));
    table.on(PutRolePolicyRequest.class, (r, c) -> access.role("iam:PutRolePolicy", c, r.roleName()),
        (r, c) -> IamRules.done(() -> put(c, EntityKind.ROLE, r.roleName(), r.policyName(), r.policyDocument()),
            PutRolePolicyResponse.builder()::build));
    table.on(GetUserPolicyRequest.class, (r, c) -> access.user("iam:GetUserPolicy", c, r.userName()), this::getUserPolicy);
    table.on(GetGroupPolicyRequest.class, (r, c) -> access.group("iam:GetGroupPolicy", c, r.groupName()), this::getGroupPolicy);
    table.on(GetRolePolicyRequest.class, (r, c) -> access.role("iam:GetRolePolicy", c, r.roleName()), this::getRolePolicy);
    table.on(DeleteUserPolicyRequest.class, (r, c) -> access.user("iam:DeleteUserPolicy", c, r.userName()),
        (r, c) -> IamRules.done(() -> delete(c, EntityKind.USER, r.userName(), r.policyName()),
            DeleteUserPolicyResponse.builder()::build));
    table.on(DeleteGroupPolicyRequest.class, (r, c) -> access.group("iam:DeleteGroupPolicy", c, r.groupName()),
        (r, c) -> IamRules.done(() -> delete(c, EntityKind.GROUP, r.groupName(), r.policyName()),
            DeleteGroupPolicyResponse.builder()::build));
    table.on(DeleteRolePolicyRequest.class, (r, c) -> access.role("iam:DeleteRolePolicy", c, r.roleName()),
        (r, c) -> IamRules.done(() -> delete(c, EntityKind.ROLE, r.roleName(), r.policyName()),
            DeleteRolePolicyResponse.builder()::build));
    table.on(ListUserPoliciesRequest.class, (r, c) -> access.user("iam:ListUserPolicies", c, r.userName()), this::listUserPolicies);
    table.on(ListGroupPoliciesRequest.class, (r, c) -> access.group("iam:ListGroupPolicies", c, r.groupName()), this::listGroupPolicies);
    table.on(ListRolePoliciesRequest.class, (r, c) -> access.role("iam:ListRolePolicies", c, r.roleName()), this::listRolePolicies);
  }

  private GetUserPolicyResponse getUserPolicy(GetUserPolicyRequest r, CallContext c) {
    InlinePolicy p = get(c, EntityKind.USER, r.userName(), r.policyName());
    return GetUserPolicyResponse.builder().userName(p.entityName()).policyName(p.policyName())
        .policyDocument(PolicyDocuments.urlEncode(p.document())).build();
  }

  private GetGroupPolicyResponse getGroupPolicy(GetGroupPolicyRequest r, CallContext c) {
    InlinePolicy p = get(c, EntityKind.GROUP, r.groupName(), r.policyName());
    return GetGroupPolicyResponse.builder().groupName(p.entityName()).policyName(p.policyName())
        .policyDocument(PolicyDocuments.urlEncode(p.document())).build();
  }

  private GetRolePolicyResponse getRolePolicy(GetRolePolicyRequest r, CallContext c) {
    InlinePolicy p = get(c, EntityKind.ROLE, r.roleName(), r.policyName());
    return GetRolePolicyResponse.builder().roleName(p.entityName()).policyName(p.policyName())
        .policyDocument(PolicyDocuments.urlEncode(p.document())).build();
  }

  private ListUserPoliciesResponse listUserPolicies(ListUserPoliciesRequest r, CallContext c) {
    var page = list(c, EntityKind.USER, r.userName(), r.marker(), r.maxItems());
    return ListUserPoliciesResponse.builder().policyNames(page.items()).isTruncated(page.truncated())
        .marker(page.marker()).build();
  }

  private ListGroupPoliciesResponse listGroupPolicies(ListGroupPoliciesRequest r, CallContext c) {
    var page = list(c, EntityKind.GROUP, r.groupName(), r.marker(), r.maxItems());
    return ListGroupPoliciesResponse.builder().policyNames(page.items()).isTruncated(page.truncated())
        .marker(page.marker()).build();
  }

  private ListRolePoliciesResponse listRolePolicies(ListRolePoliciesRequest r, CallContext c) {
    var page = list(c, EntityKind.ROLE, r.roleName(), r.marker(), r.maxItems());
    return ListRolePoliciesResponse.builder().policyNames(page.items()).isTruncated(page.truncated())
        .marker(page.marker()).build();
  }

  public void put(CallContext context, EntityKind kind, String entity, String policyName, String document) {
    String account = context.caller().accountId();
    documents.validate(inlineId(kind, entity, policyName), document, inlineKind(kind));
    env.store().update(tx -> {
      String name = lookups.modifiableEntityName(tx, account, kind, entity);
      requireAggregateSize(tx, account, kind, name, policyName, document);
      tx.put(IamSchema.INLINE_POLICIES, key(account, kind.name(), name, policyName),
          new InlinePolicy(kind, name, policyName, document));
    });
  }

  /** AWS's inline quota is per entity: the sum of its inline policies, the new one replacing its namesake. */
  private static void requireAggregateSize(ReadTx tx, String account, EntityKind kind, String name,
      String policyName, String document) {
    PolicyKind policyKind = inlineKind(kind);
    long total = PolicySize.size(policyKind, document);
    for (InlinePolicy other : inline(tx, account, kind, name)) {
      if (!other.policyName().equalsIgnoreCase(policyName)) {
        total += PolicySize.size(policyKind, other.document());
      }
    }
    if (total > policyKind.maxChars()) {
      throw IamError.LIMIT_EXCEEDED.exception(PolicySize.exceeded(policyKind, name).getMessage());
    }
  }

  private InlinePolicy get(CallContext context, EntityKind kind, String entity, String policyName) {
    String account = context.caller().accountId();
    return env.store().read(tx -> {
      String name = lookups.entityName(tx, account, kind, entity);
      return tx.get(IamSchema.INLINE_POLICIES, key(account, kind.name(), name, policyName))
          .orElseThrow(() -> notFound(kind, policyName));
    });
  }

  private void delete(CallContext context, EntityKind kind, String entity, String policyName) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      String name = lookups.modifiableEntityName(tx, account, kind, entity);
      String policyKey = key(account, kind.name(), name, policyName);
      if (tx.get(IamSchema.INLINE_POLICIES, policyKey).isEmpty()) {
        throw notFound(kind, policyName);
      }
      tx.delete(IamSchema.INLINE_POLICIES, policyKey);
    });
  }

  private Pagination.Page<String> list(CallContext context, EntityKind kind, String entity, String marker,
      Integer maxItems) {
    String account = context.caller().accountId();
    List<String> names = env.store().read(tx -> {
      String name = lookups.entityName(tx, account, kind, entity);
      return inline(tx, account, kind, name).stream().map(InlinePolicy::policyName).toList();
    });
    return Pagination.page(names, n -> n.toLowerCase(Locale.ROOT), marker, maxItems);
  }

  static List<InlinePolicy> inline(ReadTx tx, String account, EntityKind kind, String name) {
    return tx.scan(IamSchema.INLINE_POLICIES, prefix(account, kind.name(), name), null, Integer.MAX_VALUE).stream()
        .map(ReadTx.Entry::value).toList();
  }

  /** How explanations and the simulator name an inline policy. */
  public static String inlineId(EntityKind kind, String entity, String policyName) {
    return kind.name().toLowerCase(Locale.ROOT) + "/" + entity + "/inline/" + policyName;
  }

  public static PolicyKind inlineKind(EntityKind kind) {
    return switch (kind) {
      case USER -> PolicyKind.USER_INLINE;
      case GROUP -> PolicyKind.GROUP_INLINE;
      case ROLE -> PolicyKind.ROLE_INLINE;
    };
  }

  private static RuntimeException notFound(EntityKind kind, String policyName) {
    return IamError.NO_SUCH_ENTITY.exception("The %s policy with name %s cannot be found.",
        kind.name().toLowerCase(Locale.ROOT), policyName);
  }
}
