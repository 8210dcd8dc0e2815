package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.key;
import static dev.billinggate.service.iam.IamSchema.prefix;

import dev.billinggate.policy.PolicyKind;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.EntityKind;
import dev.billinggate.service.iam.IamSchema.Role;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleResponse;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.UpdateRoleDescriptionRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleDescriptionResponse;
import software.amazon.awssdk.services.iam.model.UpdateRoleRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleResponse;

/** IAM roles: trust policies, session duration, description, boundaries. */
final class RoleOperations {
  static final int DEFAULT_MAX_SESSION_DURATION = 3600;

  private final IamEnv env;
  private final IamLookups lookups;
  private final IamAccess access;
  private final PolicyDocuments documents;

  public RoleOperations(IamEnv env, IamLookups lookups) {
    this.env = env;
    this.lookups = lookups;
    this.access = new IamAccess(env.store());
    this.documents = new PolicyDocuments(env.engine());
  }

  public void register(OperationTable table) {
    table.on(CreateRoleRequest.class,
        (r, c) -> IamAccess.withRequestTags(IamAccess.withBoundary(AccessTarget.of("iam:CreateRole",
            IamArns.role(c.caller().accountId(), IamArns.path(r.path()), r.roleName())), r.permissionsBoundary()),
            r.tags()),
        this::createRole);
    table.on(GetRoleRequest.class, (r, c) -> access.role("iam:GetRole", c, r.roleName()), this::getRole);
    table.on(ListRolesRequest.class, (r, c) -> AccessTarget.of("iam:ListRoles",
        IamArns.role(c.caller().accountId(), IamArns.path(r.pathPrefix()), "")), this::listRoles);
    table.on(DeleteRoleRequest.class, (r, c) -> access.role("iam:DeleteRole", c, r.roleName()), this::deleteRole);
    table.on(UpdateRoleRequest.class, (r, c) -> access.role("iam:UpdateRole", c, r.roleName()), this::updateRole);
    table.on(UpdateRoleDescriptionRequest.class,
        (r, c) -> access.role("iam:UpdateRoleDescription", c, r.roleName()), this::updateRoleDescription);
    table.on(UpdateAssumeRolePolicyRequest.class,
        (r, c) -> access.role("iam:UpdateAssumeRolePolicy", c, r.roleName()), this::updateAssumeRolePolicy);
    table.on(PutRolePermissionsBoundaryRequest.class,
        (r, c) -> IamAccess.withBoundary(access.role("iam:PutRolePermissionsBoundary", c, r.roleName()),
            r.permissionsBoundary()),
        this::putRolePermissionsBoundary);
    table.on(DeleteRolePermissionsBoundaryRequest.class,
        (r, c) -> access.role("iam:DeleteRolePermissionsBoundary", c, r.roleName()),
        this::deleteRolePermissionsBoundary);
  }

  public CreateRoleResponse createRole(CreateRoleRequest request, CallContext context) {
    String account = context.caller().accountId();
    String path = IamArns.path(request.path());
    documents.validate(IamArns.role(account, path, request.roleName()), request.assumeRolePolicyDocument(),
        PolicyKind.TRUST);
    Role role = env.store().write(tx -> insert(tx, new Role(account, request.roleName(), env.ids().roleId(), path,
        context.now(), request.assumeRolePolicyDocument(), request.description(),
        request.maxSessionDuration() == null ? DEFAULT_MAX_SESSION_DURATION : request.maxSessionDuration(),
        request.permissionsBoundary(), Tags.initial(request.tags()), null, null)));
    return CreateRoleResponse.builder().role(toSdk(role, View.WRITTEN)).build();
  }

  /** Stores a new role inside the caller's transaction (CreateRole, and member accounts' access role). */
  Role insert(WriteTx tx, Role role) {
    String account = role.accountId();
    if (tx.get(IamSchema.ROLES, key(account, role.name())).isPresent()) {
      throw IamError.ENTITY_ALREADY_EXISTS.exception("Role with name %s already exists.", role.name());
    }
    TrustPrincipals.requireExisting(tx, role.trustPolicy());
    if (role.boundaryArn() != null) {
      lookups.requireAttachable(tx, account, role.boundaryArn());
      Boundaries.record(tx, account, EntityKind.ROLE, role.name(), null, role.boundaryArn());
    }
    tx.put(IamSchema.ROLES, key(account, role.name()), role);
    return role;
  }

  public GetRoleResponse getRole(GetRoleRequest request, CallContext context) {
    Role role = env.store().read(tx -> lookups.role(tx, context.caller().accountId(), request.roleName()));
    return GetRoleResponse.builder().role(toSdk(role, View.FULL)).build();
  }

  public ListRolesResponse listRoles(ListRolesRequest request, CallContext context) {
    String account = context.caller().accountId();
    List<Role> roles = env.store().read(tx -> tx.scan(IamSchema.ROLES, account + "/", null, Integer.MAX_VALUE))
        .stream().map(ReadTx.Entry::value)
        .filter(r -> request.pathPrefix() == null || r.path().startsWith(request.pathPrefix())).toList();
    Pagination.Page<Role> page = Pagination.page(roles, r -> r.name().toLowerCase(Locale.ROOT),
        request.marker(), request.maxItems());
    return ListRolesResponse.builder().roles(page.items().stream().map(r -> toSdk(r, View.LISTED)).toList())
        .isTruncated(page.truncated()).marker(page.marker()).build();
  }

  public DeleteRoleResponse deleteRole(DeleteRoleRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      Role role = lookups.modifiableRole(tx, account, request.roleName());
      if (InstanceProfileOperations.inAnyProfile(tx, account, role.name())) {
        throw IamError.DELETE_CONFLICT.exception("Cannot delete entity, must remove roles from instance profile first.");
      }
      if (tx.count(IamSchema.ENTITY_ATTACHMENTS, prefix(account, EntityKind.ROLE.name(), role.name())) > 0) {
        throw IamError.DELETE_CONFLICT.exception("Cannot delete entity, must detach all policies first.");
      }
      if (tx.count(IamSchema.INLINE_POLICIES, prefix(account, EntityKind.ROLE.name(), role.name())) > 0) {
        throw IamError.DELETE_CONFLICT.exception("Cannot delete entity, must delete policies first.");
      }
      Boundaries.record(tx, account, EntityKind.ROLE, role.name(), role.boundaryArn(), null);
      tx.delete(IamSchema.ROLES, key(account, role.name()));
    });
    return DeleteRoleResponse.builder().build();
  }

  public UpdateRoleResponse updateRole(UpdateRoleRequest request, CallContext context) {
    update(context, request.roleName(), role -> role.withSettings(
        request.description() == null ? role.description() : request.description(),
        request.maxSessionDuration() == null ? role.maxSessionDuration() : request.maxSessionDuration()));
    return UpdateRoleResponse.builder().build();
  }

  public UpdateRoleDescriptionResponse updateRoleDescription(UpdateRoleDescriptionRequest request, CallContext context) {
    Role role = update(context, request.roleName(),
        r -> r.withSettings(request.description(), r.maxSessionDuration()));
    return UpdateRoleDescriptionResponse.builder().role(toSdk(role, View.WRITTEN)).build();
  }

  public UpdateAssumeRolePolicyResponse updateAssumeRolePolicy(UpdateAssumeRolePolicyRequest request, CallContext context) {
    String account = context.caller().accountId();
    documents.validate(IamArns.role(account, "/", request.roleName()), request.policyDocument(), PolicyKind.TRUST);
    env.store().update(tx -> {
      Role role = lookups.modifiableRole(tx, account, request.roleName());
      TrustPrincipals.requireExisting(tx, request.policyDocument());
      tx.put(IamSchema.ROLES, key(account, role.name()), role.withTrustPolicy(request.policyDocument()));
    });
    return UpdateAssumeRolePolicyResponse.builder().build();
  }

  public PutRolePermissionsBoundaryResponse putRolePermissionsBoundary(
      PutRolePermissionsBoundaryRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      Role role = lookups.modifiableRole(tx, account, request.roleName());
      lookups.requireAttachable(tx, account, request.permissionsBoundary());
      Boundaries.record(tx, account, EntityKind.ROLE, role.name(), role.boundaryArn(), request.permissionsBoundary());
      tx.put(IamSchema.ROLES, key(account, role.name()), role.withBoundary(request.permissionsBoundary()));
    });
    return PutRolePermissionsBoundaryResponse.builder().build();
  }

  public DeleteRolePermissionsBoundaryResponse deleteRolePermissionsBoundary(
      DeleteRolePermissionsBoundaryRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      Role role = lookups.modifiableRole(tx, account, request.roleName());
      Boundaries.record(tx, account, EntityKind.ROLE, role.name(), role.boundaryArn(), null);
      tx.put(IamSchema.ROLES, key(account, role.name()), role.withBoundary(null));
    });
    return DeleteRolePermissionsBoundaryResponse.builder().build();
  }

  private Role update(CallContext context, String roleName, UnaryOperator<Role> change) {
    String account = context.caller().accountId();
    return env.store().write(tx -> {
      Role role = change.apply(lookups.role(tx, account, roleName));
      tx.put(IamSchema.ROLES, key(account, role.name()), role);
      return role;
    });
  }

  /** Which members a response carries: AWS's recorded answers differ per operation. */
  enum View {
    /** CreateRole, UpdateRoleDescription: no MaxSessionDuration, no RoleLastUsed. */
    WRITTEN,
    /** GetRole: everything. */
    FULL,
    /** ListRoles: no boundaries, tags or RoleLastUsed (AWS since 2023). */
    LISTED
  }

  static software.amazon.awssdk.services.iam.model.Role toSdk(Role role, View view) {
    var builder = software.amazon.awssdk.services.iam.model.Role.builder()
        .path(role.path()).roleName(role.name()).roleId(role.id())
        .arn(IamArns.role(role.accountId(), role.path(), role.name())).createDate(role.createDate())
        .assumeRolePolicyDocument(PolicyDocuments.urlEncode(role.trustPolicy()))
        .description(role.description());
    if (view != View.WRITTEN) {
      builder.maxSessionDuration(role.maxSessionDuration());
    }
    if (view != View.LISTED) {
      builder.permissionsBoundary(UserOperations.boundary(role.boundaryArn()));
      if (!role.tags().isEmpty()) {
        builder.tags(Tags.toSdk(role.tags()));
      }
    }
    if (view == View.FULL) {
      builder.roleLastUsed(RoleLastUsed.builder().lastUsedDate(role.lastUsedDate()).region(role.lastUsedRegion()).build());
    }
    return builder.build();
  }

}
