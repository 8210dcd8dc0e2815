package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.ROLE_DELETION_TASKS;
import static dev.billinggate.service.iam.IamSchema.key;

import dev.billinggate.core.AwsException;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.DeletionTask;
import dev.billinggate.service.iam.IamSchema.EntityKind;
import dev.billinggate.service.iam.IamSchema.Role;
import dev.billinggate.service.iam.ServiceLinkedRoleCatalog.LinkedRole;
import dev.billinggate.store.WriteTx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.CreateServiceLinkedRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateServiceLinkedRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteServiceLinkedRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteServiceLinkedRoleResponse;
import software.amazon.awssdk.services.iam.model.DeletionTaskFailureReasonType;
import software.amazon.awssdk.services.iam.model.DeletionTaskStatusType;
import software.amazon.awssdk.services.iam.model.GetServiceLinkedRoleDeletionStatusRequest;
import software.amazon.awssdk.services.iam.model.GetServiceLinkedRoleDeletionStatusResponse;

/**
 * Service-linked roles: roles an AWS service owns, at {@code /aws-service-role/<service>/}, trusting
 * only that service, and changed only through these operations ({@link #requireModifiable} guards the
 * ordinary role operations). Deletion is decided as soon as it is asked for, since no service resource
 * here can still use the role: the role goes at once, or stays while it is in an instance profile. Its
 * task answers IN_PROGRESS for the configured delay (from the injected clock), then SUCCEEDED or FAILED.
 */
final class ServiceLinkedRoleOperations {
  static final String PATH_ROOT = "/aws-service-role/";
  private static final String TRUST = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"%s"},"Action":"sts:AssumeRole"}]}""";

  private final IamEnv env;
  private final IamLookups lookups;
  private final RoleOperations roles;
  private final AttachmentOperations attachments;
  private final ServiceLinkedRoleCatalog catalog = ServiceLinkedRoleCatalog.load();
  private final Duration deletionDelay;

  public ServiceLinkedRoleOperations(IamEnv env, IamLookups lookups, RoleOperations roles,
      AttachmentOperations attachments, Duration deletionDelay) {
    if (deletionDelay.isNegative()) {
      throw new IllegalArgumentException("the service-linked role deletion delay must not be negative");
    }
    this.env = env;
    this.lookups = lookups;
    this.roles = roles;
    this.attachments = attachments;
    this.deletionDelay = deletionDelay;
  }

  public void register(OperationTable t) {
    t.on(CreateServiceLinkedRoleRequest.class, this::createRule, this::create);
    t.on(DeleteServiceLinkedRoleRequest.class, (r, c) -> AccessTarget.of("iam:DeleteServiceLinkedRole",
        env.store().read(tx -> IamLookups.roleResource(tx, c.caller().accountId(), r.roleName()))), this::delete);
    t.on(GetServiceLinkedRoleDeletionStatusRequest.class, this::statusRule, this::status);
  }

  /** {@code iam:AWSServiceName} lets policies allow creating roles for some services only. */
  private AccessTarget createRule(CreateServiceLinkedRoleRequest r, CallContext c) {
    String arn = catalog.find(r.awsServiceName())
        .map(role -> IamArns.role(c.caller().accountId(), path(role), roleName(role, r.customSuffix())))
        .orElse("*");
    return AccessTarget.of("iam:CreateServiceLinkedRole", arn)
        .withContext(Map.of("iam:AWSServiceName", List.of(r.awsServiceName())));
  }

  private AccessTarget statusRule(GetServiceLinkedRoleDeletionStatusRequest r, CallContext c) {
    String[] parts = r.deletionTaskId().split("/");
    String arn = parts.length == 5 ? IamArns.role(c.caller().accountId(), PATH_ROOT + parts[2] + "/", parts[3]) : "*";
    return AccessTarget.of("iam:GetServiceLinkedRoleDeletionStatus", arn);
  }

  CreateServiceLinkedRoleResponse create(CreateServiceLinkedRoleRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    LinkedRole linked = catalog.find(r.awsServiceName()).orElseThrow(() -> IamError.INVALID_INPUT.exception(
        "Invalid service name: %s", r.awsServiceName()));
    if (r.customSuffix() != null && !linked.customSuffix()) {
      throw IamError.INVALID_INPUT.exception("Custom suffix is not allowed for %s", r.awsServiceName());
    }
    String name = roleName(linked, r.customSuffix());
    Role role = new Role(account, name, env.ids().roleId(), path(linked), ctx.now(),
        String.format(TRUST, linked.servicePrincipal()), r.description(), RoleOperations.DEFAULT_MAX_SESSION_DURATION,
        null, Map.of(), null, null);
    return env.store().write(tx -> {
      if (tx.get(IamSchema.ROLES, key(account, name)).isPresent()) {
        throw IamError.INVALID_INPUT.exception(
            "Service role name %s has been taken in this account, please try a different suffix.", name);
      }
      roles.insert(tx, role);
      if (linked.policyArn() != null && lookups.awsPolicy(linked.policyArn()).isPresent()) {
        attachments.attach(tx, account, EntityKind.ROLE, name, linked.policyArn());
      }
      return CreateServiceLinkedRoleResponse.builder().role(RoleOperations.toSdk(role, RoleOperations.View.WRITTEN)).build();
    });
  }

  DeleteServiceLinkedRoleResponse delete(DeleteServiceLinkedRoleRequest r, CallContext ctx) {
    String account = ctx.caller().accountId();
    return env.store().write(tx -> {
      Role role = lookups.role(tx, account, r.roleName());
      if (!isServiceLinked(role)) {
        throw IamError.INVALID_INPUT.exception("Role %s is not a service-linked role.", role.name());
      }
      String service = role.path().substring(PATH_ROOT.length(), role.path().length() - 1);
      String taskId = "task" + role.path() + role.name() + "/" + env.ids().uuid();
      boolean inUse = InstanceProfileOperations.inAnyProfile(tx, account, role.name());
      if (!inUse) {
        remove(tx, role);
      }
      tx.put(ROLE_DELETION_TASKS, key(account, taskId), new DeletionTask(taskId, role.name(), service,
          inUse ? DeletionTaskStatusType.FAILED.toString() : DeletionTaskStatusType.SUCCEEDED.toString(),
          inUse ? "The role is in use by an instance profile; remove it from the instance profile first." : null,
          ctx.now().plus(deletionDelay)));
      return DeleteServiceLinkedRoleResponse.builder().deletionTaskId(taskId).build();
    });
  }

  GetServiceLinkedRoleDeletionStatusResponse status(GetServiceLinkedRoleDeletionStatusRequest r, CallContext ctx) {
    DeletionTask task = env.store().read(tx -> tx.get(ROLE_DELETION_TASKS, key(ctx.caller().accountId(),
        r.deletionTaskId()))).orElseThrow(() -> IamError.NO_SUCH_ENTITY.exception(
            "Deletion task %s cannot be found.", r.deletionTaskId()));
    if (task.completesAt() != null && ctx.now().isBefore(task.completesAt())) {
      return GetServiceLinkedRoleDeletionStatusResponse.builder().status(DeletionTaskStatusType.IN_PROGRESS).build();
    }
    var response = GetServiceLinkedRoleDeletionStatusResponse.builder().status(task.status());
    if (task.failure() != null) {
      response.reason(DeletionTaskFailureReasonType.builder().reason(task.failure()).build());
    }
    return response.build();
  }

  /** Whether a role is service-linked: its path is reserved for them. */
  static boolean isServiceLinked(Role role) {
    return role.path().startsWith(PATH_ROOT);
  }

  /** Ordinary role operations refuse service-linked roles, as AWS does. */
  static void requireModifiable(Role role) {
    if (isServiceLinked(role)) {
      throw protectedRole(role.name());
    }
  }

  static AwsException protectedRole(String name) {
    return IamError.UNMODIFIABLE_ENTITY.exception(
        "Cannot perform the operation on the protected role '%s' - this role is only modifiable by AWS", name);
  }

  private static void remove(WriteTx tx, Role role) {
    AttachmentOperations.detachAll(tx, role.accountId(), EntityKind.ROLE, role.name());
    tx.delete(IamSchema.ROLES, key(role.accountId(), role.name()));
  }

  private static String path(LinkedRole role) {
    return PATH_ROOT + role.servicePrincipal() + "/";
  }

  private static String roleName(LinkedRole role, String suffix) {
    return suffix == null ? role.roleName() : role.roleName() + "_" + suffix;
  }
}
