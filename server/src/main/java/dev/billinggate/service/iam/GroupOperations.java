package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.key;
import static dev.billinggate.service.iam.IamSchema.prefix;

import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.iam.IamSchema.EntityKind;
import dev.billinggate.service.iam.IamSchema.Group;
import dev.billinggate.service.iam.IamSchema.Membership;
import dev.billinggate.service.iam.IamSchema.User;
import dev.billinggate.store.ReadTx;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.iam.model.AddUserToGroupRequest;
import software.amazon.awssdk.services.iam.model.AddUserToGroupResponse;
import software.amazon.awssdk.services.iam.model.CreateGroupRequest;
import software.amazon.awssdk.services.iam.model.CreateGroupResponse;
import software.amazon.awssdk.services.iam.model.DeleteGroupRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupResponse;
import software.amazon.awssdk.services.iam.model.GetGroupRequest;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsResponse;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupRequest;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupResponse;
import software.amazon.awssdk.services.iam.model.UpdateGroupRequest;
import software.amazon.awssdk.services.iam.model.UpdateGroupResponse;

/** IAM groups and group membership. */
final class GroupOperations {
  static final int GROUPS_PER_USER = 10;

  private final IamEnv env;
  private final IamLookups lookups;
  private final IamAccess access;

  public GroupOperations(IamEnv env, IamLookups lookups) {
    this.env = env;
    this.lookups = lookups;
    this.access = new IamAccess(env.store());
  }

  public void register(OperationTable table) {
    table.on(CreateGroupRequest.class,
        (r, c) -> AccessTarget.of("iam:CreateGroup",
            IamArns.group(c.caller().accountId(), IamArns.path(r.path()), r.groupName())),
        this::createGroup);
    table.on(GetGroupRequest.class, (r, c) -> access.group("iam:GetGroup", c, r.groupName()), this::getGroup);
    table.on(ListGroupsRequest.class, (r, c) -> AccessTarget.of("iam:ListGroups",
        IamArns.group(c.caller().accountId(), IamArns.path(r.pathPrefix()), "")), this::listGroups);
    table.on(UpdateGroupRequest.class, (r, c) -> access.group("iam:UpdateGroup", c, r.groupName()), this::updateGroup);
    table.on(DeleteGroupRequest.class, (r, c) -> access.group("iam:DeleteGroup", c, r.groupName()), this::deleteGroup);
    table.on(AddUserToGroupRequest.class, (r, c) -> access.group("iam:AddUserToGroup", c, r.groupName()),
        this::addUserToGroup);
    table.on(RemoveUserFromGroupRequest.class,
        (r, c) -> access.group("iam:RemoveUserFromGroup", c, r.groupName()), this::removeUserFromGroup);
    table.on(ListGroupsForUserRequest.class,
        (r, c) -> access.user("iam:ListGroupsForUser", c, r.userName()), this::listGroupsForUser);
  }

  public CreateGroupResponse createGroup(CreateGroupRequest request, CallContext context) {
    String account = context.caller().accountId();
    Group group = env.store().write(tx -> {
      if (tx.get(IamSchema.GROUPS, key(account, request.groupName())).isPresent()) {
        throw IamError.ENTITY_ALREADY_EXISTS.exception("Group with name %s already exists.", request.groupName());
      }
      Group created = new Group(account, request.groupName(), env.ids().groupId(), IamArns.path(request.path()),
          context.now());
      tx.put(IamSchema.GROUPS, key(account, created.name()), created);
      return created;
    });
    return CreateGroupResponse.builder().group(toSdk(group)).build();
  }

  public GetGroupResponse getGroup(GetGroupRequest request, CallContext context) {
    String account = context.caller().accountId();
    record Result(Group group, List<User> users) {}
    Result result = env.store().read(tx -> {
      Group group = lookups.group(tx, account, request.groupName());
      List<User> users = members(tx, account, group.name()).stream()
          .map(m -> lookups.user(tx, account, m.userName())).toList();
      return new Result(group, users);
    });
    Pagination.Page<User> page = Pagination.page(result.users(), u -> u.name().toLowerCase(Locale.ROOT),
        request.marker(), request.maxItems());
    return GetGroupResponse.builder().group(toSdk(result.group()))
        .users(page.items().stream().map(u -> UserOperations.toSdk(u, false)).toList())
        .isTruncated(page.truncated()).marker(page.marker()).build();
  }

  public ListGroupsResponse listGroups(ListGroupsRequest request, CallContext context) {
    String account = context.caller().accountId();
    List<Group> groups = env.store().read(tx -> tx.scan(IamSchema.GROUPS, account + "/", null, Integer.MAX_VALUE))
        .stream().map(ReadTx.Entry::value)
        .filter(g -> request.pathPrefix() == null || g.path().startsWith(request.pathPrefix())).toList();
    Pagination.Page<Group> page = Pagination.page(groups, g -> g.name().toLowerCase(Locale.ROOT),
        request.marker(), request.maxItems());
    return ListGroupsResponse.builder().groups(page.items().stream().map(GroupOperations::toSdk).toList())
        .isTruncated(page.truncated()).marker(page.marker()).build();
  }

  /** New path and/or name; memberships and policies keyed by the name move with it, the id stays. */
  public UpdateGroupResponse updateGroup(UpdateGroupRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      Group group = lookups.group(tx, account, request.groupName());
      String old = group.name();
      String newName = request.newGroupName() == null ? old : request.newGroupName();
      if (!newName.equalsIgnoreCase(old) && tx.get(IamSchema.GROUPS, key(account, newName)).isPresent()) {
        throw IamError.ENTITY_ALREADY_EXISTS.exception("Group with name %s already exists.", newName);
      }
      if (!newName.equals(old)) {
        for (Membership m : members(tx, account, old)) {
          Membership moved = new Membership(newName, m.userName());
          tx.delete(IamSchema.GROUP_MEMBERS, key(account, old, m.userName()));
          tx.delete(IamSchema.USER_GROUPS, key(account, m.userName(), old));
          tx.put(IamSchema.GROUP_MEMBERS, key(account, newName, m.userName()), moved);
          tx.put(IamSchema.USER_GROUPS, key(account, m.userName(), newName), moved);
        }
        EntityRename.policies(tx, account, EntityKind.GROUP, old, newName);
      }
      tx.delete(IamSchema.GROUPS, key(account, old));
      tx.put(IamSchema.GROUPS, key(account, newName), new Group(account, newName, group.id(),
          request.newPath() == null ? group.path() : request.newPath(), group.createDate()));
    });
    return UpdateGroupResponse.builder().build();
  }

  public DeleteGroupResponse deleteGroup(DeleteGroupRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      Group group = lookups.group(tx, account, request.groupName());
      if (tx.count(IamSchema.GROUP_MEMBERS, prefix(account, group.name())) > 0) {
        throw IamError.DELETE_CONFLICT.exception("Cannot delete entity, must remove users from group first.");
      }
      if (tx.count(IamSchema.INLINE_POLICIES, prefix(account, EntityKind.GROUP.name(), group.name())) > 0) {
        throw IamError.DELETE_CONFLICT.exception("Cannot delete entity, must delete policies first.");
      }
      if (tx.count(IamSchema.ENTITY_ATTACHMENTS, prefix(account, EntityKind.GROUP.name(), group.name())) > 0) {
        throw IamError.DELETE_CONFLICT.exception("Cannot delete entity, must detach all policies first.");
      }
      tx.delete(IamSchema.GROUPS, key(account, group.name()));
    });
    return DeleteGroupResponse.builder().build();
  }

  public AddUserToGroupResponse addUserToGroup(AddUserToGroupRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      Group group = lookups.group(tx, account, request.groupName());
      User user = lookups.user(tx, account, request.userName());
      if (tx.get(IamSchema.USER_GROUPS, key(account, user.name(), group.name())).isPresent()) {
        return;
      }
      if (tx.count(IamSchema.USER_GROUPS, prefix(account, user.name())) >= GROUPS_PER_USER) {
        throw IamError.LIMIT_EXCEEDED.exception("Cannot exceed quota for GroupsPerUser: %d", GROUPS_PER_USER);
      }
      Membership membership = new Membership(group.name(), user.name());
      tx.put(IamSchema.GROUP_MEMBERS, key(account, group.name(), user.name()), membership);
      tx.put(IamSchema.USER_GROUPS, key(account, user.name(), group.name()), membership);
    });
    return AddUserToGroupResponse.builder().build();
  }

  public RemoveUserFromGroupResponse removeUserFromGroup(RemoveUserFromGroupRequest request, CallContext context) {
    String account = context.caller().accountId();
    env.store().update(tx -> {
      // AWS looks the user up first and removes a non-member without complaint (recorded answers)
      User user = lookups.user(tx, account, request.userName());
      Group group = lookups.group(tx, account, request.groupName());
      tx.delete(IamSchema.GROUP_MEMBERS, key(account, group.name(), user.name()));
      tx.delete(IamSchema.USER_GROUPS, key(account, user.name(), group.name()));
    });
    return RemoveUserFromGroupResponse.builder().build();
  }

  public ListGroupsForUserResponse listGroupsForUser(ListGroupsForUserRequest request, CallContext context) {
    String account = context.caller().accountId();
    List<Group> groups = env.store().read(tx -> {
      User user = lookups.user(tx, account, request.userName());
      return groupsOf(tx, account, user.name()).stream().map(name -> lookups.group(tx, account, name)).toList();
    });
    Pagination.Page<Group> page = Pagination.page(groups, g -> g.name().toLowerCase(Locale.ROOT),
        request.marker(), request.maxItems());
    return ListGroupsForUserResponse.builder().groups(page.items().stream().map(GroupOperations::toSdk).toList())
        .isTruncated(page.truncated()).marker(page.marker()).build();
  }

  /** Names of the groups {@code userName} belongs to. */
  static List<String> groupsOf(ReadTx tx, String account, String userName) {
    return tx.scan(IamSchema.USER_GROUPS, prefix(account, userName), null, Integer.MAX_VALUE).stream()
        .map(e -> e.value().groupName()).toList();
  }

  private static List<Membership> members(ReadTx tx, String account, String groupName) {
    return tx.scan(IamSchema.GROUP_MEMBERS, prefix(account, groupName), null, Integer.MAX_VALUE).stream()
        .map(ReadTx.Entry::value).toList();
  }

  static software.amazon.awssdk.services.iam.model.Group toSdk(Group group) {
    return software.amazon.awssdk.services.iam.model.Group.builder()
        .path(group.path()).groupName(group.name()).groupId(group.id())
        .arn(IamArns.group(group.accountId(), group.path(), group.name())).createDate(group.createDate()).build();
  }
}
