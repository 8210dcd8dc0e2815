package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.key;

import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.CustomerPolicy;
import dev.billinggate.service.iam.IamSchema.Role;
import dev.billinggate.service.iam.IamSchema.User;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Table;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
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
final class TagOperations {
  /** The entity an operation's name or ARN identifies in the account; AWS's NoSuchEntity when there is none. */
  @FunctionalInterface
  private interface Lookup<E> {
    E require(ReadTx tx, String accountId, String id);
  }

  /** One tagged kind: how it is found and stored (under its name), and whether its tag keys ignore case. */
  private record Kind<E extends Tags.Tagged<E>>(Table<E> table, Lookup<E> lookup, Function<E, String> name,
      Tags.KeyCase keyCase) {}

  private final IamEnv env;
  private final IamAccess access;
  private final Kind<User> users;
  private final Kind<Role> roles;
  private final Kind<CustomerPolicy> policies;

  public TagOperations(IamEnv env, IamLookups lookups) {
    this.env = env;
    this.access = new IamAccess(env.store());
    this.users = new Kind<>(IamSchema.USERS, lookups::user, User::name, Tags.KeyCase.INSENSITIVE);
    this.roles = new Kind<>(IamSchema.ROLES, lookups::role, Role::name, Tags.KeyCase.INSENSITIVE);
    this.policies = new Kind<>(IamSchema.POLICIES, lookups::requireCustomerPolicy, CustomerPolicy::name,
        Tags.KeyCase.SENSITIVE);
  }

  public void register(OperationTable table) {
    table.on(TagUserRequest.class, (r, c) -> IamAccess.withRequestTags(access.user("iam:TagUser", c, r.userName()),
        r.tags()), (r, c) -> tag(c, users, r.userName(), r.tags(), TagUserResponse.builder()::build));
    table.on(UntagUserRequest.class, (r, c) -> withTagKeys(access.user("iam:UntagUser", c, r.userName()),
        r.tagKeys()), (r, c) -> untag(c, users, r.userName(), r.tagKeys(), UntagUserResponse.builder()::build));
    table.on(ListUserTagsRequest.class, (r, c) -> access.user("iam:ListUserTags", c, r.userName()), this::listUserTags);
    table.on(TagRoleRequest.class, (r, c) -> IamAccess.withRequestTags(access.role("iam:TagRole", c, r.roleName()),
        r.tags()), (r, c) -> tag(c, roles, r.roleName(), r.tags(), TagRoleResponse.builder()::build));
    table.on(UntagRoleRequest.class, (r, c) -> withTagKeys(access.role("iam:UntagRole", c, r.roleName()),
        r.tagKeys()), (r, c) -> untag(c, roles, r.roleName(), r.tagKeys(), UntagRoleResponse.builder()::build));
    table.on(ListRoleTagsRequest.class, (r, c) -> access.role("iam:ListRoleTags", c, r.roleName()), this::listRoleTags);
    table.on(TagPolicyRequest.class,
        (r, c) -> IamAccess.withRequestTags(AccessTarget.of("iam:TagPolicy", r.policyArn()), r.tags()),
        (r, c) -> tag(c, policies, r.policyArn(), r.tags(), TagPolicyResponse.builder()::build));
    table.on(UntagPolicyRequest.class, (r, c) -> withTagKeys(AccessTarget.of("iam:UntagPolicy", r.policyArn()),
        r.tagKeys()), (r, c) -> untag(c, policies, r.policyArn(), r.tagKeys(), UntagPolicyResponse.builder()::build));
    table.on(ListPolicyTagsRequest.class, (r, c) -> AccessTarget.of("iam:ListPolicyTags", r.policyArn()), this::listPolicyTags);
  }

  private ListUserTagsResponse listUserTags(ListUserTagsRequest r, CallContext c) {
    var page = page(c, users, r.userName(), r.marker(), r.maxItems());
    return ListUserTagsResponse.builder().tags(page.items()).isTruncated(page.truncated()).marker(page.marker()).build();
  }

  private ListRoleTagsResponse listRoleTags(ListRoleTagsRequest r, CallContext c) {
    var page = page(c, roles, r.roleName(), r.marker(), r.maxItems());
    return ListRoleTagsResponse.builder().tags(page.items()).isTruncated(page.truncated()).marker(page.marker()).build();
  }

  private ListPolicyTagsResponse listPolicyTags(ListPolicyTagsRequest r, CallContext c) {
    var page = page(c, policies, r.policyArn(), r.marker(), r.maxItems());
    return ListPolicyTagsResponse.builder().tags(page.items()).isTruncated(page.truncated())
        .marker(page.marker()).build();
  }

  private <E extends Tags.Tagged<E>, O> O tag(CallContext context, Kind<E> kind, String id, List<Tag> tags,
      Supplier<O> response) {
    change(context, kind, id, current -> Tags.merge(current, tags, kind.keyCase()));
    return response.get();
  }

  private <E extends Tags.Tagged<E>, O> O untag(CallContext context, Kind<E> kind, String id, List<String> keys,
      Supplier<O> response) {
    change(context, kind, id, current -> Tags.remove(current, keys, kind.keyCase()));
    return response.get();
  }

  private <E extends Tags.Tagged<E>> void change(CallContext context, Kind<E> kind, String id,
      UnaryOperator<Map<String, String>> change) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      E entity = kind.lookup().require(tx, account, id);
      E changed = entity.withTags(change.apply(entity.tags()));
      tx.put(kind.table(), key(account, kind.name().apply(changed)), changed);
    });
  }

  /** One page of the entity's tags, listed by key (the order paging needs). */
  private <E extends Tags.Tagged<E>> Pagination.Page<Tag> page(CallContext context, Kind<E> kind, String id,
      String marker, Integer maxItems) {
    E entity = env.store().read(tx -> kind.lookup().require(tx, context.caller().accountId(), id));
    return Tags.page(entity.tags(), marker, maxItems);
  }

  private static AccessTarget withTagKeys(AccessTarget target, List<String> keys) {
    return target.withContext(Map.of("aws:TagKeys", keys));
  }
}
