package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.key;

import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.CustomerPolicy;
import dev.billinggate.service.iam.IamSchema.Role;
import dev.billinggate.service.iam.IamSchema.User;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsResponse;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.ListUserTagsRequest;
import software.amazon.awssdk.services.iam.model.ListUserTagsResponse;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.TagPolicyRequest;
import software.amazon.awssdk.services.iam.model.TagPolicyResponse;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.TagRoleResponse;
import software.amazon.awssdk.services.iam.model.TagUserRequest;
import software.amazon.awssdk.services.iam.model.TagUserResponse;
import software.amazon.awssdk.services.iam.model.UntagPolicyRequest;
import software.amazon.awssdk.services.iam.model.UntagPolicyResponse;
import software.amazon.awssdk.services.iam.model.UntagRoleRequest;
import software.amazon.awssdk.services.iam.model.UntagRoleResponse;
import software.amazon.awssdk.services.iam.model.UntagUserRequest;
import software.amazon.awssdk.services.iam.model.UntagUserResponse;

/** Tags on users, roles and customer managed policies. */
public final class TagOperations {
  private final IamEnv env;
  private final IamLookups lookups;
  private final IamAccess access;

  public TagOperations(IamEnv env, IamLookups lookups) {
    this.env = env;
    this.lookups = lookups;
    this.access = new IamAccess(env.store());
  }

  public void register(OperationTable table) {
    table.on(TagUserRequest.class,
        (r, c) -> IamAccess.withRequestTags(access.user("iam:TagUser", c, r.userName()), r.tags()), (r, c) -> {
          updateUser(c, r.userName(), tags -> Tags.merge(tags, r.tags()));
          return TagUserResponse.builder().build();
        });
    table.on(UntagUserRequest.class,
        (r, c) -> withTagKeys(access.user("iam:UntagUser", c, r.userName()), r.tagKeys()), (r, c) -> {
          updateUser(c, r.userName(), tags -> Tags.remove(tags, r.tagKeys()));
          return UntagUserResponse.builder().build();
        });
    table.on(ListUserTagsRequest.class, (r, c) -> access.user("iam:ListUserTags", c, r.userName()), (r, c) -> {
      User user = env.store().read(tx -> lookups.user(tx, c.caller().accountId(), r.userName()));
      var page = Pagination.page(sorted(user.tags()), Tag::key, r.marker(), r.maxItems());
      return ListUserTagsResponse.builder().tags(page.items()).isTruncated(page.truncated()).marker(page.marker()).build();
    });
    table.on(TagRoleRequest.class,
        (r, c) -> IamAccess.withRequestTags(access.role("iam:TagRole", c, r.roleName()), r.tags()), (r, c) -> {
          updateRole(c, r.roleName(), tags -> Tags.merge(tags, r.tags()));
          return TagRoleResponse.builder().build();
        });
    table.on(UntagRoleRequest.class,
        (r, c) -> withTagKeys(access.role("iam:UntagRole", c, r.roleName()), r.tagKeys()), (r, c) -> {
          updateRole(c, r.roleName(), tags -> Tags.remove(tags, r.tagKeys()));
          return UntagRoleResponse.builder().build();
        });
    table.on(ListRoleTagsRequest.class, (r, c) -> access.role("iam:ListRoleTags", c, r.roleName()), (r, c) -> {
      Role role = env.store().read(tx -> lookups.role(tx, c.caller().accountId(), r.roleName()));
      var page = Pagination.page(sorted(role.tags()), Tag::key, r.marker(), r.maxItems());
      return ListRoleTagsResponse.builder().tags(page.items()).isTruncated(page.truncated()).marker(page.marker()).build();
    });
    table.on(TagPolicyRequest.class,
        (r, c) -> IamAccess.withRequestTags(AccessTarget.of("iam:TagPolicy", r.policyArn()), r.tags()), (r, c) -> {
          updatePolicy(c, r.policyArn(), tags -> Tags.merge(tags, r.tags(), Tags.KeyCase.SENSITIVE));
          return TagPolicyResponse.builder().build();
        });
    table.on(UntagPolicyRequest.class,
        (r, c) -> withTagKeys(AccessTarget.of("iam:UntagPolicy", r.policyArn()), r.tagKeys()), (r, c) -> {
          updatePolicy(c, r.policyArn(), tags -> Tags.remove(tags, r.tagKeys(), Tags.KeyCase.SENSITIVE));
          return UntagPolicyResponse.builder().build();
        });
    table.on(ListPolicyTagsRequest.class, (r, c) -> AccessTarget.of("iam:ListPolicyTags", r.policyArn()), (r, c) -> {
      CustomerPolicy policy = env.store().read(
          tx -> lookups.requireCustomerPolicy(tx, c.caller().accountId(), r.policyArn()));
      var page = Pagination.page(sorted(policy.tags()), Tag::key, r.marker(), r.maxItems());
      return ListPolicyTagsResponse.builder().tags(page.items()).isTruncated(page.truncated())
          .marker(page.marker()).build();
    });
  }

  private void updateUser(CallContext context, String userName, UnaryOperator<Map<String, String>> change) {
    String account = context.caller().accountId();
    env.store().write(tx -> {
      User user = lookups.user(tx, account, userName);
      tx.put(IamSchema.USERS, key(account, user.name()), user.withTags(change.apply(user.tags())));
      return null;
    });
  }

  private void updateRole(CallContext context, String roleName, UnaryOperator<Map<String, String>> change) {
    String account = context.caller().accountId();
    env.store().write(tx -> {
      Role role = lookups.role(tx, account, roleName);
      tx.put(IamSchema.ROLES, key(account, role.name()), role.withTags(change.apply(role.tags())));
      return null;
    });
  }

  private void updatePolicy(CallContext context, String policyArn, UnaryOperator<Map<String, String>> change) {
    String account = context.caller().accountId();
    env.store().write(tx -> {
      CustomerPolicy policy = lookups.requireCustomerPolicy(tx, account, policyArn);
      tx.put(IamSchema.POLICIES, key(account, policy.name()), policy.withTags(change.apply(policy.tags())));
      return null;
    });
  }

  /** Listed by key, the order paging needs. */
  private static List<Tag> sorted(Map<String, String> tags) {
    return Tags.toSdk(new java.util.TreeMap<>(tags));
  }

  private static AccessTarget withTagKeys(AccessTarget target, List<String> keys) {
    return target.withContext(Map.of("aws:TagKeys", keys));
  }
}
