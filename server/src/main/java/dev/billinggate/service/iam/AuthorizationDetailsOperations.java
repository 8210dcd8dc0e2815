package dev.billinggate.service.iam;

import dev.billinggate.policy.managed.ManagedPolicy;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.CustomerPolicy;
import dev.billinggate.service.iam.IamSchema.EntityKind;
import dev.billinggate.service.iam.IamSchema.Group;
import dev.billinggate.service.iam.IamSchema.InlinePolicy;
import dev.billinggate.service.iam.IamSchema.PolicyVersion;
import dev.billinggate.service.iam.IamSchema.Role;
import dev.billinggate.service.iam.IamSchema.User;
import dev.billinggate.store.ReadTx;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsRequest;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * GetAccountAuthorizationDetails: every user, group, role and managed policy of the account with its
 * policies, in one paged snapshot (what auditing tools read). AWS managed policies appear only when
 * attached in the account.
 */
final class AuthorizationDetailsOperations {
  private final IamEnv env;
  private final IamLookups lookups;

  public AuthorizationDetailsOperations(IamEnv env, IamLookups lookups) {
    this.env = env;
    this.lookups = lookups;
  }

  public void register(OperationTable table) {
    table.on(GetAccountAuthorizationDetailsRequest.class, this::getAccountAuthorizationDetails);
  }

  /** One entry of the combined listing; the sort key orders users, groups, roles, then policies. */
  private record Item(String sortKey, Object detail) {}

  public GetAccountAuthorizationDetailsResponse getAccountAuthorizationDetails(
      GetAccountAuthorizationDetailsRequest request, CallContext context) {
    String account = context.caller().accountId();
    List<EntityType> filter = request.filter().isEmpty() ? List.of(EntityType.values()) : request.filter();
    List<Item> items = env.store().read(tx -> {
      List<Item> all = new ArrayList<>();
      if (filter.contains(EntityType.USER)) {
        UserOperations.all(tx, account).forEach(u -> all.add(new Item("1/" + lower(u.name()), user(tx, u))));
      }
      if (filter.contains(EntityType.GROUP)) {
        tx.scan(IamSchema.GROUPS, account + "/", null, Integer.MAX_VALUE)
            .forEach(e -> all.add(new Item("2/" + lower(e.value().name()), group(tx, e.value()))));
      }
      if (filter.contains(EntityType.ROLE)) {
        tx.scan(IamSchema.ROLES, account + "/", null, Integer.MAX_VALUE)
            .forEach(e -> all.add(new Item("3/" + lower(e.value().name()), role(tx, e.value()))));
      }
      if (filter.contains(EntityType.AWS_MANAGED_POLICY)) {
        for (ManagedPolicy aws : lookups.awsPolicies()) {
          if (ManagedPolicyOperations.attachmentCount(tx, account, aws.arn()) > 0) {
            all.add(new Item("4/" + lower(aws.name()) + " " + aws.arn(), awsPolicy(tx, account, aws)));
          }
        }
      }
      if (filter.contains(EntityType.LOCAL_MANAGED_POLICY)) {
        tx.scan(IamSchema.POLICIES, account + "/", null, Integer.MAX_VALUE)
            .forEach(e -> all.add(new Item("4/" + lower(e.value().name()) + " " + e.value().id(),
                customerPolicy(tx, account, e.value()))));
      }
      all.sort(java.util.Comparator.comparing(Item::sortKey));
      return all;
    });
    Pagination.Page<Item> page = Pagination.page(items, Item::sortKey, request.marker(), request.maxItems());
    return GetAccountAuthorizationDetailsResponse.builder()
        .userDetailList(page.items().stream().map(Item::detail).filter(UserDetail.class::isInstance)
            .map(UserDetail.class::cast).toList())
        .groupDetailList(page.items().stream().map(Item::detail).filter(GroupDetail.class::isInstance)
            .map(GroupDetail.class::cast).toList())
        .roleDetailList(page.items().stream().map(Item::detail).filter(RoleDetail.class::isInstance)
            .map(RoleDetail.class::cast).toList())
        .policies(page.items().stream().map(Item::detail).filter(ManagedPolicyDetail.class::isInstance)
            .map(ManagedPolicyDetail.class::cast).toList())
        .isTruncated(page.truncated()).marker(page.marker()).build();
  }

  private static UserDetail user(ReadTx tx, User user) {
    String account = user.accountId();
    return UserDetail.builder().path(user.path()).userName(user.name()).userId(user.id())
        .arn(IamArns.user(account, user.path(), user.name())).createDate(user.createDate())
        .userPolicyList(inline(tx, account, EntityKind.USER, user.name()))
        .groupList(GroupOperations.groupsOf(tx, account, user.name()))
        .attachedManagedPolicies(attached(tx, account, EntityKind.USER, user.name()))
        .permissionsBoundary(UserOperations.boundary(user.boundaryArn()))
        .tags(Tags.toSdk(user.tags())).build();
  }

  private static GroupDetail group(ReadTx tx, Group group) {
    String account = group.accountId();
    return GroupDetail.builder().path(group.path()).groupName(group.name()).groupId(group.id())
        .arn(IamArns.group(account, group.path(), group.name())).createDate(group.createDate())
        .groupPolicyList(inline(tx, account, EntityKind.GROUP, group.name()))
        .attachedManagedPolicies(attached(tx, account, EntityKind.GROUP, group.name())).build();
  }

  private static RoleDetail role(ReadTx tx, Role role) {
    String account = role.accountId();
    var sdk = RoleOperations.toSdk(role, RoleOperations.View.FULL);
    return RoleDetail.builder().path(role.path()).roleName(role.name()).roleId(role.id()).arn(sdk.arn())
        .createDate(role.createDate()).assumeRolePolicyDocument(sdk.assumeRolePolicyDocument())
        .instanceProfileList(InstanceProfileOperations.profilesOf(tx, account, role.name()).stream()
            .map(p -> InstanceProfileOperations.toSdk(tx, p, false)).toList())
        .rolePolicyList(inline(tx, account, EntityKind.ROLE, role.name()))
        .attachedManagedPolicies(attached(tx, account, EntityKind.ROLE, role.name()))
        .permissionsBoundary(sdk.permissionsBoundary()).tags(Tags.toSdk(role.tags()))
        .roleLastUsed(sdk.roleLastUsed()).build();
  }

  private static ManagedPolicyDetail customerPolicy(ReadTx tx, String account, CustomerPolicy policy) {
    var sdk = ManagedPolicyOperations.toSdk(tx, account, policy, true);
    return detail(sdk, policy.versions().stream()
        .map(v -> ManagedPolicyOperations.toSdk(v, v.versionId().equals(policy.defaultVersionId()), true)).toList());
  }

  private static ManagedPolicyDetail awsPolicy(ReadTx tx, String account, ManagedPolicy policy) {
    var sdk = ManagedPolicyOperations.toSdk(tx, account, policy);
    return detail(sdk, List.of(ManagedPolicyOperations.toSdk(
        new PolicyVersion(policy.versionId(), policy.document(), policy.createDate()), true, true)));
  }

  private static ManagedPolicyDetail detail(software.amazon.awssdk.services.iam.model.Policy policy,
      List<software.amazon.awssdk.services.iam.model.PolicyVersion> versions) {
    return ManagedPolicyDetail.builder().policyName(policy.policyName()).policyId(policy.policyId())
        .arn(policy.arn()).path(policy.path()).defaultVersionId(policy.defaultVersionId())
        .attachmentCount(policy.attachmentCount()).permissionsBoundaryUsageCount(policy.permissionsBoundaryUsageCount())
        .isAttachable(policy.isAttachable()).description(policy.description()).createDate(policy.createDate())
        .updateDate(policy.updateDate()).policyVersionList(versions).build();
  }

  private static List<PolicyDetail> inline(ReadTx tx, String account, EntityKind kind, String name) {
    return InlinePolicyOperations.inline(tx, account, kind, name).stream()
        .map((InlinePolicy p) -> PolicyDetail.builder().policyName(p.policyName())
            .policyDocument(PolicyDocuments.urlEncode(p.document())).build())
        .toList();
  }

  private static List<AttachedPolicy> attached(ReadTx tx, String account, EntityKind kind, String name) {
    return AttachmentOperations.attachedArns(tx, account, kind, name).stream()
        .map(arn -> AttachedPolicy.builder().policyArn(arn).policyName(IamArns.name(arn)).build()).toList();
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
