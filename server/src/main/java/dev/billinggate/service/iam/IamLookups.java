package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.key;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.policy.managed.AwsManagedPolicies;
import dev.billinggate.policy.managed.ManagedPolicy;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.iam.IamSchema.Account;
import dev.billinggate.service.iam.IamSchema.CustomerPolicy;
import dev.billinggate.service.iam.IamSchema.Group;
import dev.billinggate.service.iam.IamSchema.Role;
import dev.billinggate.service.iam.IamSchema.User;
import dev.billinggate.store.ReadTx;
import java.util.List;
import java.util.Optional;

/** Reads every operation needs, failing with AWS's NoSuchEntity texts. */
public final class IamLookups {
  private final AwsManagedPolicies awsPolicies;

  public IamLookups(AwsManagedPolicies awsPolicies) {
    this.awsPolicies = awsPolicies;
  }

  public Account account(ReadTx tx, String accountId) {
    return tx.get(IamSchema.ACCOUNTS, accountId).orElseThrow(
        () -> IamError.NO_SUCH_ENTITY.exception("The account %s cannot be found.", accountId));
  }

  public User user(ReadTx tx, String accountId, String name) {
    return tx.get(IamSchema.USERS, key(accountId, name)).orElseThrow(
        () -> IamError.NO_SUCH_ENTITY.exception("The user with name %s cannot be found.", name));
  }

  public Group group(ReadTx tx, String accountId, String name) {
    return tx.get(IamSchema.GROUPS, key(accountId, name)).orElseThrow(
        () -> IamError.NO_SUCH_ENTITY.exception("The group with name %s cannot be found.", name));
  }

  public Role role(ReadTx tx, String accountId, String name) {
    return tx.get(IamSchema.ROLES, key(accountId, name)).orElseThrow(
        () -> IamError.NO_SUCH_ENTITY.exception("The role with name %s cannot be found.", name));
  }

  /** The stored name of an existing user, group or role (names match case-insensitively). */
  public String entityName(ReadTx tx, String accountId, IamSchema.EntityKind kind, String name) {
    return switch (kind) {
      case USER -> user(tx, accountId, name).name();
      case GROUP -> group(tx, accountId, name).name();
      case ROLE -> role(tx, accountId, name).name();
    };
  }

  /** Like {@link #entityName}, refusing service-linked roles: only their service may change them. */
  public String modifiableEntityName(ReadTx tx, String accountId, IamSchema.EntityKind kind, String name) {
    if (kind == IamSchema.EntityKind.ROLE) {
      return modifiableRole(tx, accountId, name).name();
    }
    return entityName(tx, accountId, kind, name);
  }

  /** A role that ordinary operations may change: not a service-linked one. */
  public Role modifiableRole(ReadTx tx, String accountId, String name) {
    Role role = role(tx, accountId, name);
    ServiceLinkedRoleOperations.requireModifiable(role);
    return role;
  }

  /** A customer managed policy of {@code accountId} by ARN. */
  public Optional<CustomerPolicy> customerPolicy(ReadTx tx, String accountId, String arn) {
    if (!accountId.equals(IamArns.account(arn)) || !"policy".equals(IamArns.resourceType(arn))) {
      return Optional.empty();
    }
    return tx.get(IamSchema.POLICIES, key(accountId, IamArns.name(arn)))
        .filter(p -> IamArns.policy(accountId, p.path(), p.name()).equals(arn));
  }

  public CustomerPolicy requireCustomerPolicy(ReadTx tx, String accountId, String arn) {
    return customerPolicy(tx, accountId, arn).orElseThrow(
        () -> IamError.NO_SUCH_ENTITY.exception("Policy %s was not found.", arn));
  }

  public Optional<ManagedPolicy> awsPolicy(String arn) {
    return awsPolicies.find(arn);
  }

  /** A policy that can be attached in {@code accountId}: the account's own or an AWS managed one. */
  public void requireAttachable(ReadTx tx, String accountId, String arn) {
    if (!arn.startsWith("arn:")) {
      throw IamError.VALIDATION_ERROR.exception("ARN %s is not valid.", arn); // recorded answer (AttachRolePolicy)
    }
    boolean exists = IamArns.isAwsManagedPolicy(arn)
        ? awsPolicies.find(arn).isPresent()
        : customerPolicy(tx, accountId, arn).isPresent();
    if (!exists) {
      throw IamError.NO_SUCH_ENTITY.exception("Policy %s does not exist or is not attachable.", arn);
    }
  }

  /** The default version's document of a managed policy visible to {@code accountId}, if it exists. */
  public Optional<String> managedDocument(ReadTx tx, String accountId, String arn) {
    if (IamArns.isAwsManagedPolicy(arn)) {
      return awsPolicies.find(arn).map(ManagedPolicy::document);
    }
    String owner = IamArns.account(arn);
    return owner == null ? Optional.empty()
        : customerPolicy(tx, owner, arn).map(p -> p.defaultVersion().document());
  }

  public List<ManagedPolicy> awsPolicies() {
    return awsPolicies.all();
  }

  /**
   * The IAM user an operation acts on: {@code userName} if given, else the calling IAM user. AWS
   * infers the user from the signing key, and refuses to for other principals.
   */
  public static String targetUser(String userName, CallContext context) {
    if (userName != null) {
      return userName;
    }
    Caller caller = context.caller();
    if (caller.type() == CallerType.IAM_USER) {
      return caller.principalName();
    }
    throw IamError.VALIDATION_ERROR.exception("Must specify userName when calling with non-User credentials");
  }

  /** {@code true} when the operation acts on the root user's own credentials (root caller, no UserName). */
  public static boolean targetsRoot(String userName, CallContext context) {
    return userName == null
        && (context.caller().isRoot() || context.caller().type() == CallerType.ASSUMED_ROOT);
  }

  /** The ARN an access rule names for a user resource; the path comes from the store when the user exists. */
  public static String userResource(ReadTx tx, String accountId, String userName) {
    String path = tx.get(IamSchema.USERS, key(accountId, userName)).map(User::path).orElse("/");
    return IamArns.user(accountId, path, userName);
  }

  public static String roleResource(ReadTx tx, String accountId, String roleName) {
    String path = tx.get(IamSchema.ROLES, key(accountId, roleName)).map(Role::path).orElse("/");
    return IamArns.role(accountId, path, roleName);
  }

  public static String groupResource(ReadTx tx, String accountId, String groupName) {
    String path = tx.get(IamSchema.GROUPS, key(accountId, groupName)).map(Group::path).orElse("/");
    return IamArns.group(accountId, path, groupName);
  }
}
