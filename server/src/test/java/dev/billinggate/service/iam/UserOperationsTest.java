package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AddUserToGroupRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreateGroupRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.GetGroupRequest;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.PutUserPermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UpdateUserRequest;
import software.amazon.awssdk.services.iam.model.User;

class UserOperationsTest {
  private final IamFixture f = new IamFixture();

  @Test
  void createsUsersWithAwsIdsAndArns() {
    User user = f.iam.users().createUser(CreateUserRequest.builder().userName("alice").path("/eng/")
        .tags(Tag.builder().key("team").value("billing").build()).build(), f.root()).user();

    assertThat(user.userId()).matches("AIDA[A-Z2-7]{17}");
    assertThat(user.arn()).isEqualTo("arn:aws:iam::123456789012:user/eng/alice");
    assertThat(user.tags()).extracting(Tag::key).containsExactly("team");
  }

  @Test
  void userNamesAreUniqueIgnoringCase() {
    f.createUser("alice");
    Expect.error(() -> f.createUser("Alice"), "EntityAlreadyExists", "User with name Alice already exists.");
  }

  @Test
  void missingUserIsNoSuchEntity() {
    Expect.error(() -> f.iam.users().getUser(GetUserRequest.builder().userName("bob").build(), f.root()),
        "NoSuchEntity", "The user with name bob cannot be found.");
  }

  @Test
  void getUserWithoutNameDescribesTheCaller() {
    f.createUser("alice");
    User self = f.iam.users().getUser(GetUserRequest.builder().build(), f.ctx(f.userCaller("alice"))).user();
    User root = f.iam.users().getUser(GetUserRequest.builder().build(), f.root()).user();

    assertThat(self.userName()).isEqualTo("alice");
    assertThat(root.arn()).isEqualTo("arn:aws:iam::123456789012:root");
    assertThat(root.userId()).isEqualTo(ACCOUNT);
  }

  @Test
  void listUsersSortsIgnoringCaseAndPages() {
    for (String name : new String[] {"carol", "Bob", "alice", "dave"}) {
      f.createUser(name);
    }
    ListUsersResponse first = f.iam.users().listUsers(ListUsersRequest.builder().maxItems(3).build(), f.root());
    ListUsersResponse second = f.iam.users().listUsers(
        ListUsersRequest.builder().maxItems(3).marker(first.marker()).build(), f.root());

    assertThat(first.users()).extracting(User::userName).containsExactly("alice", "Bob", "carol");
    assertThat(first.isTruncated()).isTrue();
    assertThat(second.users()).extracting(User::userName).containsExactly("dave");
    assertThat(second.isTruncated()).isFalse();
    assertThat(second.marker()).isNull();
  }

  @Test
  void listUsersFiltersByPathPrefixAndOmitsTags() {
    f.iam.users().createUser(CreateUserRequest.builder().userName("a").path("/eng/")
        .tags(Tag.builder().key("k").value("v").build()).build(), f.root());
    f.createUser("b");
    ListUsersResponse eng = f.iam.users().listUsers(ListUsersRequest.builder().pathPrefix("/eng").build(), f.root());

    assertThat(eng.users()).extracting(User::userName).containsExactly("a");
    assertThat(eng.users().get(0).hasTags()).isFalse();
  }

  @Test
  void listUsersIsAuthorizedOnThePathPrefix() {
    assertThat(f.target(ListUsersRequest.builder().build(), f.root()).resourceArn())
        .isEqualTo("arn:aws:iam::123456789012:user/");
    assertThat(f.target(ListUsersRequest.builder().pathPrefix("/eng/").build(), f.root()).resourceArn())
        .isEqualTo("arn:aws:iam::123456789012:user/eng/");
  }

  @Test
  void usersAreScopedToTheirAccount() {
    f.createUser("alice");
    ListUsersResponse other = f.iam.users().listUsers(ListUsersRequest.builder().build(),
        f.ctx(IamFixture.rootCaller(IamFixture.OTHER_ACCOUNT)));
    assertThat(other.users()).isEmpty();
  }

  @Test
  void deleteUserRefusesWhileCredentialsOrGroupsRemain() {
    f.createUser("alice");
    f.iam.accessKeys().createAccessKey(CreateAccessKeyRequest.builder().userName("alice").build(), f.root());
    Expect.error(() -> f.iam.users().deleteUser(DeleteUserRequest.builder().userName("alice").build(), f.root()),
        "DeleteConflict", "Cannot delete entity, must delete access keys first.");
  }

  @Test
  void groupsTrackMembersBothWays() {
    f.createUser("alice");
    f.iam.groups().createGroup(CreateGroupRequest.builder().groupName("admins").build(), f.root());
    f.iam.groups().addUserToGroup(AddUserToGroupRequest.builder().groupName("admins").userName("alice").build(),
        f.root());

    assertThat(f.iam.groups().getGroup(GetGroupRequest.builder().groupName("admins").build(), f.root()).users())
        .extracting(User::userName).containsExactly("alice");
    Expect.error(() -> f.iam.groups().deleteGroup(DeleteGroupRequest.builder().groupName("admins").build(), f.root()),
        "DeleteConflict", "Cannot delete entity, must remove users from group first.");
  }

  @Test
  void renamingAUserMovesItsKeysGroupsAndPolicies() {
    String id = f.createUser("alice").userId();
    f.iam.groups().createGroup(CreateGroupRequest.builder().groupName("ops").build(), f.root());
    f.iam.groups().addUserToGroup(AddUserToGroupRequest.builder().groupName("ops").userName("alice").build(),
        f.root());
    f.iam.attachments().attach(f.root(), IamSchema.EntityKind.USER, "alice", IamFixture.ADMIN_POLICY);
    String keyId = f.iam.accessKeys().createAccessKey(CreateAccessKeyRequest.builder().userName("alice").build(),
        f.root()).accessKey().accessKeyId();

    f.call(UpdateUserRequest.builder().userName("alice").newUserName("alicia").newPath("/eng/").build(), f.root());

    User renamed = f.iam.users().getUser(GetUserRequest.builder().userName("alicia").build(), f.root()).user();
    assertThat(renamed.userId()).isEqualTo(id);
    assertThat(renamed.arn()).isEqualTo("arn:aws:iam::123456789012:user/eng/alicia");
    assertThat(f.iam.groups().getGroup(GetGroupRequest.builder().groupName("ops").build(), f.root()).users())
        .extracting(User::userName).containsExactly("alicia");
    assertThat(new dev.billinggate.service.sts.StoredCredentialLookup(f.store).find(keyId).orElseThrow().caller()
        .arn()).isEqualTo("arn:aws:iam::123456789012:user/eng/alicia");
    Expect.error(() -> f.iam.users().getUser(GetUserRequest.builder().userName("alice").build(), f.root()),
        "NoSuchEntity", null);
  }

  @Test
  void renamingAGroupKeepsItsMembers() {
    f.createUser("alice");
    f.iam.groups().createGroup(CreateGroupRequest.builder().groupName("ops").build(), f.root());
    f.iam.groups().addUserToGroup(AddUserToGroupRequest.builder().groupName("ops").userName("alice").build(),
        f.root());
    f.iam.inlinePolicies().put(f.root(), IamSchema.EntityKind.GROUP, "ops", "p", IamFixture.ALLOW_ALL);

    f.call(software.amazon.awssdk.services.iam.model.UpdateGroupRequest.builder().groupName("ops")
        .newGroupName("platform").build(), f.root());

    assertThat(f.iam.groups().getGroup(GetGroupRequest.builder().groupName("platform").build(), f.root()).users())
        .extracting(User::userName).containsExactly("alice");
    assertThat(f.store.read(tx -> f.iam.identityPolicies().user(tx, ACCOUNT, "alice")).orElseThrow().identity())
        .extracting(p -> p.id()).containsExactly("group/platform/inline/p");
  }

  @Test
  void boundaryMustBeAnExistingPolicy() {
    f.createUser("alice");
    Expect.error(() -> f.iam.users().putUserPermissionsBoundary(PutUserPermissionsBoundaryRequest.builder()
            .userName("alice").permissionsBoundary("arn:aws:iam::123456789012:policy/nope").build(), f.root()),
        "NoSuchEntity", "Policy arn:aws:iam::123456789012:policy/nope does not exist or is not attachable.");

    f.iam.users().putUserPermissionsBoundary(PutUserPermissionsBoundaryRequest.builder().userName("alice")
        .permissionsBoundary(IamFixture.ADMIN_POLICY).build(), f.root());
    assertThat(f.iam.users().getUser(GetUserRequest.builder().userName("alice").build(), f.root()).user()
        .permissionsBoundary().permissionsBoundaryArn()).isEqualTo(IamFixture.ADMIN_POLICY);
  }
}
