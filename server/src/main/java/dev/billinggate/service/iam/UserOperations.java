package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.key;
import static dev.billinggate.service.iam.IamSchema.prefix;

import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.Account;
import dev.billinggate.service.iam.IamSchema.EntityKind;
import dev.billinggate.service.iam.IamSchema.User;
import dev.billinggate.store.ReadTx;
import java.util.List;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserPermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserResponse;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserResponse;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.PermissionsBoundaryAttachmentType;
import software.amazon.awssdk.services.iam.model.PutUserPermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutUserPermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.UpdateUserRequest;
import software.amazon.awssdk.services.iam.model.UpdateUserResponse;

/** IAM users: CreateUser, GetUser, ListUsers, DeleteUser and their permissions boundaries. */
final class UserOperations {
  private final IamEnv env;
  private final IamLookups lookups;
  private final IamAccess access;

  public UserOperations(IamEnv env, IamLookups lookups) {
    this.env = env;
    this.lookups = lookups;
    this.access = new IamAccess(env.store());
  }

  public void register(OperationTable table) {
    table.on(CreateUserRequest.class,
        (r, c) -> IamAccess.withRequestTags(IamAccess.withBoundary(
            AccessTarget.of("iam:CreateUser",
                IamArns.user(c.caller().accountId(), IamArns.path(r.path()), r.userName())),
            r.permissionsBoundary()), r.tags()),
        this::createUser);
    table.on(GetUserRequest.class, (r, c) -> access.userOrSelf("iam:GetUser", c, r.userName()), this::getUser);
    table.on(ListUsersRequest.class, (r, c) -> AccessTarget.of("iam:ListUsers",
        IamArns.user(c.caller().accountId(), IamArns.path(r.pathPrefix()), "")), this::listUsers);
    table.on(UpdateUserRequest.class, (r, c) -> access.user("iam:UpdateUser", c, r.userName()), this::updateUser);
    table.on(DeleteUserRequest.class, (r, c) -> access.user("iam:DeleteUser", c, r.userName()), this::deleteUser);
    table.on(PutUserPermissionsBoundaryRequest.class,
        (r, c) -> IamAccess.withBoundary(access.user("iam:PutUserPermissionsBoundary", c, r.userName()),
            r.permissionsBoundary()),
        this::putUserPermissionsBoundary);
    table.on(DeleteUserPermissionsBoundaryRequest.class,
        (r, c) -> access.user("iam:DeleteUserPermissionsBoundary", c, r.userName()),
        this::deleteUserPermissionsBoundary);
  }

  public CreateUserResponse createUser(CreateUserRequest request, CallContext context) {
    String account = context.caller().accountId();
    User user = env.store().write(tx -> {
      if (tx.get(IamSchema.USERS, key(account, request.userName())).isPresent()) {
        throw IamError.ENTITY_ALREADY_EXISTS.exception("User with name %s already exists.", request.userName());
      }
      if (request.permissionsBoundary() != null) {
        lookups.requireAttachable(tx, account, request.permissionsBoundary());
        Boundaries.record(tx, account, EntityKind.USER, request.userName(), null, request.permissionsBoundary());
      }
      User created = new User(account, request.userName(), env.ids().userId(),
          IamArns.path(request.path()), context.now(), null, request.permissionsBoundary(),
          Tags.initial(request.tags()));
      tx.put(IamSchema.USERS, key(account, created.name()), created);
      return created;
    });
    return CreateUserResponse.builder().user(toSdk(user, true)).build();
  }

  public GetUserResponse getUser(GetUserRequest request, CallContext context) {
    String account = context.caller().accountId();
    if (IamLookups.targetsRoot(request.userName(), context)) {
      Account root = env.store().read(tx -> lookups.account(tx, account));
      return GetUserResponse.builder().user(software.amazon.awssdk.services.iam.model.User.builder()
          .userId(account).arn(IamArns.root(account)).createDate(root.createdAt())
          .passwordLastUsed(root.rootPasswordLastUsed()).build()).build();
    }
    String name = IamLookups.targetUser(request.userName(), context);
    User user = env.store().read(tx -> lookups.user(tx, account, name));
    return GetUserResponse.builder().user(toSdk(user, true)).build();
  }

  public ListUsersResponse listUsers(ListUsersRequest request, CallContext context) {
    List<User> users = env.store().read(tx -> all(tx, context.caller().accountId())).stream()
        .filter(u -> request.pathPrefix() == null || u.path().startsWith(request.pathPrefix()))
        .toList();
    Pagination.Page<User> page = Pagination.page(users, u -> u.name().toLowerCase(java.util.Locale.ROOT),
        request.marker(), request.maxItems());
    return ListUsersResponse.builder()
        .users(page.items().stream().map(u -> toSdk(u, false)).toList())
        .isTruncated(page.truncated()).marker(page.marker()).build();
  }

  /** Moves the user to a new path and/or name; everything keyed by the name moves with it. */
  public UpdateUserResponse updateUser(UpdateUserRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      User user = lookups.user(tx, account, request.userName());
      String newName = request.newUserName() == null ? user.name() : request.newUserName();
      String newPath = request.newPath() == null ? user.path() : request.newPath();
      if (!newName.equalsIgnoreCase(user.name()) && tx.get(IamSchema.USERS, key(account, newName)).isPresent()) {
        throw IamError.ENTITY_ALREADY_EXISTS.exception("User with name %s already exists.", newName);
      }
      if (!newName.equals(user.name())) {
        EntityRename.user(tx, user, newName);
      }
      tx.delete(IamSchema.USERS, key(account, user.name()));
      tx.put(IamSchema.USERS, key(account, newName), new User(account, newName, user.id(), newPath,
          user.createDate(), user.passwordLastUsed(), user.boundaryArn(), user.tags()));
    });
    return UpdateUserResponse.builder().build();
  }

  public DeleteUserResponse deleteUser(DeleteUserRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      User user = lookups.user(tx, account, request.userName());
      String name = user.name();
      conflictIf(tx.get(IamSchema.LOGIN_PROFILES, key(account, name)).isPresent(), "must delete login profile first");
      conflictIf(tx.count(IamSchema.ACCESS_KEYS, prefix(account, name)) > 0, "must delete access keys first");
      conflictIf(tx.count(IamSchema.INLINE_POLICIES, prefix(account, EntityKind.USER.name(), name)) > 0,
          "must delete policies first");
      conflictIf(tx.count(IamSchema.ENTITY_ATTACHMENTS, prefix(account, EntityKind.USER.name(), name)) > 0,
          "must detach all policies first");
      conflictIf(tx.count(IamSchema.USER_GROUPS, prefix(account, name)) > 0,
          "must remove user from all groups first");
      conflictIf(MfaOperations.hasDevice(tx, account, name), "must delete MFA device first");
      conflictIf(!SshPublicKeyOperations.of(tx, account, name).isEmpty(), "must delete SSH public keys first");
      Boundaries.record(tx, account, EntityKind.USER, name, user.boundaryArn(), null);
      tx.delete(IamSchema.USERS, key(account, name));
    });
    return DeleteUserResponse.builder().build();
  }

  public PutUserPermissionsBoundaryResponse putUserPermissionsBoundary(
      PutUserPermissionsBoundaryRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      User user = lookups.user(tx, account, request.userName());
      lookups.requireAttachable(tx, account, request.permissionsBoundary());
      Boundaries.record(tx, account, EntityKind.USER, user.name(), user.boundaryArn(), request.permissionsBoundary());
      tx.put(IamSchema.USERS, key(account, user.name()), user.withBoundary(request.permissionsBoundary()));
    });
    return PutUserPermissionsBoundaryResponse.builder().build();
  }

  public DeleteUserPermissionsBoundaryResponse deleteUserPermissionsBoundary(
      DeleteUserPermissionsBoundaryRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      User user = lookups.user(tx, account, request.userName());
      Boundaries.record(tx, account, EntityKind.USER, user.name(), user.boundaryArn(), null);
      tx.put(IamSchema.USERS, key(account, user.name()), user.withBoundary(null));
    });
    return DeleteUserPermissionsBoundaryResponse.builder().build();
  }

  static List<User> all(ReadTx tx, String account) {
    return tx.scan(IamSchema.USERS, account + "/", null, Integer.MAX_VALUE).stream()
        .map(ReadTx.Entry::value).toList();
  }

  private static void conflictIf(boolean condition, String what) {
    if (condition) {
      throw IamError.DELETE_CONFLICT.exception("Cannot delete entity, %s.", what);
    }
  }

  /** ListUsers leaves out boundaries and tags, as AWS does; GetUser and CreateUser include them. */
  static software.amazon.awssdk.services.iam.model.User toSdk(User user, boolean detailed) {
    var builder = software.amazon.awssdk.services.iam.model.User.builder()
        .path(user.path()).userName(user.name()).userId(user.id())
        .arn(IamArns.user(user.accountId(), user.path(), user.name()))
        .createDate(user.createDate()).passwordLastUsed(user.passwordLastUsed());
    if (detailed) {
      builder.permissionsBoundary(boundary(user.boundaryArn()));
      if (!user.tags().isEmpty()) {
        builder.tags(Tags.toSdk(user.tags()));
      }
    }
    return builder.build();
  }

  static AttachedPermissionsBoundary boundary(String arn) {
    return arn == null ? null : AttachedPermissionsBoundary.builder()
        .permissionsBoundaryType(PermissionsBoundaryAttachmentType.PERMISSIONS_BOUNDARY_POLICY)
        .permissionsBoundaryArn(arn).build();
  }
}
