package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.arnSegment;
import static dev.billinggate.service.iam.IamSchema.key;
import static dev.billinggate.service.iam.IamSchema.prefix;

import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.Attachment;
import dev.billinggate.service.iam.IamSchema.EntityKind;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DetachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyRequest;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.PolicyGroup;
import software.amazon.awssdk.services.iam.model.PolicyRole;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;
import software.amazon.awssdk.services.iam.model.PolicyUser;

/** Attaching managed policies (customer or AWS) to users, groups and roles, and listing attachments. */
final class AttachmentOperations {
  static final int POLICIES_PER_ENTITY = 10;

  private final IamEnv env;
  private final IamLookups lookups;
  private final IamAccess access;

  public AttachmentOperations(IamEnv env, IamLookups lookups) {
    this.env = env;
    this.lookups = lookups;
    this.access = new IamAccess(env.store());
  }

  public void register(OperationTable table) {
    table.on(AttachUserPolicyRequest.class,
        (r, c) -> IamAccess.withPolicyArn(access.user("iam:AttachUserPolicy", c, r.userName()), r.policyArn()),
        (r, c) -> IamRules.done(() -> attach(c, EntityKind.USER, r.userName(), r.policyArn()),
            AttachUserPolicyResponse.builder()::build));
    table.on(AttachGroupPolicyRequest.class,
        (r, c) -> IamAccess.withPolicyArn(access.group("iam:AttachGroupPolicy", c, r.groupName()), r.policyArn()),
        (r, c) -> IamRules.done(() -> attach(c, EntityKind.GROUP, r.groupName(), r.policyArn()),
            AttachGroupPolicyResponse.builder()::build));
    table.on(AttachRolePolicyRequest.class,
        (r, c) -> IamAccess.withPolicyArn(access.role("iam:AttachRolePolicy", c, r.roleName()), r.policyArn()),
        (r, c) -> IamRules.done(() -> attach(c, EntityKind.ROLE, r.roleName(), r.policyArn()),
            AttachRolePolicyResponse.builder()::build));
    table.on(DetachUserPolicyRequest.class,
        (r, c) -> IamAccess.withPolicyArn(access.user("iam:DetachUserPolicy", c, r.userName()), r.policyArn()),
        (r, c) -> IamRules.done(() -> detach(c, EntityKind.USER, r.userName(), r.policyArn()),
            DetachUserPolicyResponse.builder()::build));
    table.on(DetachGroupPolicyRequest.class,
        (r, c) -> IamAccess.withPolicyArn(access.group("iam:DetachGroupPolicy", c, r.groupName()), r.policyArn()),
        (r, c) -> IamRules.done(() -> detach(c, EntityKind.GROUP, r.groupName(), r.policyArn()),
            DetachGroupPolicyResponse.builder()::build));
    table.on(DetachRolePolicyRequest.class,
        (r, c) -> IamAccess.withPolicyArn(access.role("iam:DetachRolePolicy", c, r.roleName()), r.policyArn()),
        (r, c) -> IamRules.done(() -> detach(c, EntityKind.ROLE, r.roleName(), r.policyArn()),
            DetachRolePolicyResponse.builder()::build));
    table.on(ListAttachedUserPoliciesRequest.class,
        (r, c) -> access.user("iam:ListAttachedUserPolicies", c, r.userName()), this::listAttachedUserPolicies);
    table.on(ListAttachedGroupPoliciesRequest.class,
        (r, c) -> access.group("iam:ListAttachedGroupPolicies", c, r.groupName()), this::listAttachedGroupPolicies);
    table.on(ListAttachedRolePoliciesRequest.class,
        (r, c) -> access.role("iam:ListAttachedRolePolicies", c, r.roleName()), this::listAttachedRolePolicies);
    table.on(ListEntitiesForPolicyRequest.class,
        (r, c) -> dev.billinggate.service.AccessTarget.of("iam:ListEntitiesForPolicy", r.policyArn()),
        this::listEntitiesForPolicy);
  }

  private ListAttachedUserPoliciesResponse listAttachedUserPolicies(ListAttachedUserPoliciesRequest r, CallContext c) {
    var page = attached(c, EntityKind.USER, r.userName(), r.pathPrefix(), r.marker(), r.maxItems());
    return ListAttachedUserPoliciesResponse.builder().attachedPolicies(page.items())
        .isTruncated(page.truncated()).marker(page.marker()).build();
  }

  private ListAttachedGroupPoliciesResponse listAttachedGroupPolicies(ListAttachedGroupPoliciesRequest r, CallContext c) {
    var page = attached(c, EntityKind.GROUP, r.groupName(), r.pathPrefix(), r.marker(), r.maxItems());
    return ListAttachedGroupPoliciesResponse.builder().attachedPolicies(page.items())
        .isTruncated(page.truncated()).marker(page.marker()).build();
  }

  private ListAttachedRolePoliciesResponse listAttachedRolePolicies(ListAttachedRolePoliciesRequest r, CallContext c) {
    var page = attached(c, EntityKind.ROLE, r.roleName(), r.pathPrefix(), r.marker(), r.maxItems());
    return ListAttachedRolePoliciesResponse.builder().attachedPolicies(page.items())
        .isTruncated(page.truncated()).marker(page.marker()).build();
  }

  public void attach(CallContext context, EntityKind kind, String entity, String policyArn) {
    env.store().update(tx -> {
      lookups.modifiableEntityName(tx, context.caller().accountId(), kind, entity);
      attach(tx, context.caller().accountId(), kind, entity, policyArn);
    });
  }

  /** Attaches inside the caller's transaction; attaching twice is a no-op, as in AWS. */
  void attach(WriteTx tx, String account, EntityKind kind, String entity, String policyArn) {
    String name = lookups.entityName(tx, account, kind, entity);
    lookups.requireAttachable(tx, account, policyArn);
    String entityKey = key(account, kind.name(), name, arnSegment(policyArn));
    if (tx.get(IamSchema.ENTITY_ATTACHMENTS, entityKey).isPresent()) {
      return;
    }
    if (tx.count(IamSchema.ENTITY_ATTACHMENTS, prefix(account, kind.name(), name)) >= POLICIES_PER_ENTITY) {
      throw IamError.LIMIT_EXCEEDED.exception("Cannot exceed quota for PoliciesPer%s: %d", quotaName(kind),
          POLICIES_PER_ENTITY);
    }
    Attachment attachment = new Attachment(kind, name, policyArn);
    tx.put(IamSchema.ENTITY_ATTACHMENTS, entityKey, attachment);
    tx.put(IamSchema.POLICY_ATTACHMENTS, key(account, arnSegment(policyArn), kind.name(), name), attachment);
  }

  public void detach(CallContext context, EntityKind kind, String entity, String policyArn) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      String name = lookups.modifiableEntityName(tx, account, kind, entity);
      String entityKey = key(account, kind.name(), name, arnSegment(policyArn));
      if (tx.get(IamSchema.ENTITY_ATTACHMENTS, entityKey).isEmpty()) {
        throw IamError.NO_SUCH_ENTITY.exception("Policy %s was not found.", policyArn);
      }
      tx.delete(IamSchema.ENTITY_ATTACHMENTS, entityKey);
      tx.delete(IamSchema.POLICY_ATTACHMENTS, key(account, arnSegment(policyArn), kind.name(), name));
    });
  }

  /** Detaches every managed policy of an entity inside the caller's transaction (its deletion). */
  static void detachAll(WriteTx tx, String account, EntityKind kind, String name) {
    for (String arn : attachedArns(tx, account, kind, name)) {
      tx.delete(IamSchema.ENTITY_ATTACHMENTS, key(account, kind.name(), name, arnSegment(arn)));
      tx.delete(IamSchema.POLICY_ATTACHMENTS, key(account, arnSegment(arn), kind.name(), name));
    }
  }

  /** ARNs of the managed policies attached to an entity, in attachment-key order. */
  static List<String> attachedArns(ReadTx tx, String account, EntityKind kind, String name) {
    return tx.scan(IamSchema.ENTITY_ATTACHMENTS, prefix(account, kind.name(), name), null, Integer.MAX_VALUE)
        .stream().map(e -> e.value().policyArn()).toList();
  }

  private Pagination.Page<AttachedPolicy> attached(CallContext context, EntityKind kind, String entity,
      String pathPrefix, String marker, Integer maxItems) {
    String account = context.caller().accountId();
    List<AttachedPolicy> policies = env.store().read(tx -> {
      String name = lookups.entityName(tx, account, kind, entity);
      return attachedArns(tx, account, kind, name).stream()
          .filter(arn -> pathPrefix == null || policyPath(arn).startsWith(pathPrefix))
          .map(arn -> AttachedPolicy.builder().policyArn(IamArns.inCurrentPartition(arn)).policyName(IamArns.name(arn))
              .build())
          .sorted(Comparator.comparing(p -> p.policyName().toLowerCase(Locale.ROOT) + " " + p.policyArn()))
          .toList();
    });
    return Pagination.page(policies, p -> p.policyName().toLowerCase(Locale.ROOT) + " " + p.policyArn(),
        marker, maxItems);
  }

  /** A user, group or role using a policy, as ListEntitiesForPolicy reports it. */
  private record PolicyEntity(EntityKind kind, String name, String id, String path) {
    String sortKey() {
      return kind.name() + "/" + name.toLowerCase(Locale.ROOT);
    }
  }

  public ListEntitiesForPolicyResponse listEntitiesForPolicy(ListEntitiesForPolicyRequest request, CallContext context) {
    String account = context.caller().accountId();
    String arn = request.policyArn();
    PolicyUsageType usage = request.policyUsageFilter();
    List<PolicyEntity> entities = env.store().read(tx -> {
      boolean exists = IamArns.isAwsManagedPolicy(arn) ? lookups.awsPolicy(arn).isPresent()
          : lookups.customerPolicy(tx, account, arn).isPresent();
      if (!exists) {
        throw IamError.NO_SUCH_ENTITY.exception("Policy %s was not found.", arn);
      }
      Map<String, PolicyEntity> found = new TreeMap<>();
      if (usage != PolicyUsageType.PERMISSIONS_BOUNDARY) {
        tx.scan(IamSchema.POLICY_ATTACHMENTS, prefix(account, arnSegment(arn)), null, Integer.MAX_VALUE).forEach(
            e -> entity(tx, account, e.value().kind(), e.value().entityName())
                .ifPresent(en -> found.put(en.sortKey(), en)));
      }
      if (usage != PolicyUsageType.PERMISSIONS_POLICY) {
        tx.scan(IamSchema.BOUNDARY_USES, prefix(account, arnSegment(arn)), null, Integer.MAX_VALUE).forEach(
            e -> entity(tx, account, e.value().kind(), e.value().entityName())
                .ifPresent(en -> found.put(en.sortKey(), en)));
      }
      return found.values().stream()
          .filter(en -> request.entityFilter() == null || matches(request.entityFilter(), en.kind()))
          .filter(en -> request.pathPrefix() == null || en.path().startsWith(request.pathPrefix()))
          .toList();
    });
    // One page over all three kinds, then split: AWS pages the combined list the same way.
    Pagination.Page<PolicyEntity> page = Pagination.page(entities, PolicyEntity::sortKey, request.marker(),
        request.maxItems());
    return ListEntitiesForPolicyResponse.builder()
        .policyUsers(page.items().stream().filter(en -> en.kind() == EntityKind.USER)
            .map(en -> PolicyUser.builder().userName(en.name()).userId(en.id()).build()).toList())
        .policyGroups(page.items().stream().filter(en -> en.kind() == EntityKind.GROUP)
            .map(en -> PolicyGroup.builder().groupName(en.name()).groupId(en.id()).build()).toList())
        .policyRoles(page.items().stream().filter(en -> en.kind() == EntityKind.ROLE)
            .map(en -> PolicyRole.builder().roleName(en.name()).roleId(en.id()).build()).toList())
        .isTruncated(page.truncated()).marker(page.marker()).build();
  }

  private static Optional<PolicyEntity> entity(ReadTx tx, String account, EntityKind kind, String name) {
    return switch (kind) {
      case USER -> tx.get(IamSchema.USERS, key(account, name))
          .map(u -> new PolicyEntity(kind, u.name(), u.id(), u.path()));
      case GROUP -> tx.get(IamSchema.GROUPS, key(account, name))
          .map(g -> new PolicyEntity(kind, g.name(), g.id(), g.path()));
      case ROLE -> tx.get(IamSchema.ROLES, key(account, name))
          .map(r -> new PolicyEntity(kind, r.name(), r.id(), r.path()));
    };
  }

  private static boolean matches(EntityType filter, EntityKind kind) {
    return switch (filter) {
      case USER -> kind == EntityKind.USER;
      case GROUP -> kind == EntityKind.GROUP;
      case ROLE -> kind == EntityKind.ROLE;
      default -> false;
    };
  }

  private static String quotaName(EntityKind kind) {
    return switch (kind) {
      case USER -> "User";
      case GROUP -> "Group";
      case ROLE -> "Role";
    };
  }

  /** The path of a policy ARN: everything between {@code policy} and the name. */
  private static String policyPath(String arn) {
    String resource = arn.substring(arn.indexOf(":policy") + ":policy".length());
    return resource.substring(0, resource.lastIndexOf('/') + 1);
  }
}
