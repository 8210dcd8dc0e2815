package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgFixture.MGMT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.*;

class OuOperationsTest {
  private final OrgFixture f = new OrgFixture();
  private String root;

  @BeforeEach
  void organization() {
    f.createOrganization();
    root = f.rootId();
  }

  @Test
  void ouIdsAndArnsFollowAwsFormats() {
    String ou = f.createOu(root, "Prod");
    String orgId = f.directory.membership(MGMT).orElseThrow().organizationId();

    assertThat(ou).matches("ou-" + root.substring(2) + "-[a-z0-9]{8}");
    DescribeOrganizationalUnitResponse d = f.mgmt(DescribeOrganizationalUnitRequest.builder().organizationalUnitId(ou).build());
    assertThat(d.organizationalUnit().arn()).isEqualTo("arn:aws:organizations::" + MGMT + ":ou/" + orgId + "/" + ou);
    assertThat(d.organizationalUnit().name()).isEqualTo("Prod");
  }

  @Test
  void ousNestFiveLevelsBelowTheRoot() {
    String parent = root;
    for (int level = 1; level <= 5; level++) {
      parent = f.createOu(parent, "L" + level);
    }
    f.failsWithReason(MGMT, CreateOrganizationalUnitRequest.builder().parentId(parent).name("L6").build(),
        "ConstraintViolationException", "OU_DEPTH_LIMIT_EXCEEDED");
  }

  @Test
  void siblingsNeedDistinctNames() {
    String a = f.createOu(root, "A");
    f.createOu(root, "B");
    f.createOu(a, "B");

    f.fails(MGMT, CreateOrganizationalUnitRequest.builder().parentId(root).name("A").build(),
        "DuplicateOrganizationalUnitException");
    f.fails(MGMT, UpdateOrganizationalUnitRequest.builder().organizationalUnitId(a).name("B").build(),
        "DuplicateOrganizationalUnitException");
    UpdateOrganizationalUnitResponse renamed =
        f.mgmt(UpdateOrganizationalUnitRequest.builder().organizationalUnitId(a).name("C").build());
    assertThat(renamed.organizationalUnit().name()).isEqualTo("C");
  }

  @Test
  void unknownParentsAndOusAreReported() {
    f.fails(MGMT, CreateOrganizationalUnitRequest.builder().parentId("ou-zzzz-zzzzzzzz").name("x").build(),
        "ParentNotFoundException");
    f.fails(MGMT, DescribeOrganizationalUnitRequest.builder().organizationalUnitId("ou-zzzz-zzzzzzzz").build(),
        "OrganizationalUnitNotFoundException");
    f.fails(MGMT, DeleteOrganizationalUnitRequest.builder().organizationalUnitId("ou-zzzz-zzzzzzzz").build(),
        "OrganizationalUnitNotFoundException");
  }

  @Test
  void onlyEmptyOusCanBeDeleted() {
    String parent = f.createOu(root, "P");
    String child = f.createOu(parent, "C");

    f.fails(MGMT, DeleteOrganizationalUnitRequest.builder().organizationalUnitId(parent).build(),
        "OrganizationalUnitNotEmptyException");
    f.mgmt(DeleteOrganizationalUnitRequest.builder().organizationalUnitId(child).build());
    f.mgmt(DeleteOrganizationalUnitRequest.builder().organizationalUnitId(parent).build());

    ListOrganizationalUnitsForParentResponse left =
        f.mgmt(ListOrganizationalUnitsForParentRequest.builder().parentId(root).build());
    assertThat(left.organizationalUnits()).isEmpty();
  }

  @Test
  void moveAccountChecksSourceDestinationAndAccount() {
    String ou = f.createOu(root, "Workloads");
    String acct = f.createAccount("app");

    f.fails(MGMT, move(acct, "ou-zzzz-zzzzzzzz", ou), "SourceParentNotFoundException");
    f.fails(MGMT, move(acct, root, "ou-zzzz-zzzzzzzz"), "DestinationParentNotFoundException");
    f.fails(MGMT, move("999999999999", root, ou), "AccountNotFoundException");
    f.fails(MGMT, move(acct, ou, root), "AccountNotFoundException");
    f.fails(MGMT, move(acct, root, root), "DuplicateAccountException");

    f.mgmt(move(acct, root, ou));

    ListParentsResponse parents = f.mgmt(ListParentsRequest.builder().childId(acct).build());
    assertThat(parents.parents()).containsExactly(Parent.builder().id(ou).type(ParentType.ORGANIZATIONAL_UNIT).build());
    ListAccountsForParentResponse inOu = f.mgmt(ListAccountsForParentRequest.builder().parentId(ou).build());
    assertThat(inOu.accounts()).extracting(Account::id).containsExactly(acct);
    ListChildrenResponse rootAccounts =
        f.mgmt(ListChildrenRequest.builder().parentId(root).childType(ChildType.ACCOUNT).build());
    assertThat(rootAccounts.children()).extracting(Child::id).containsExactly(MGMT);
    assertThat(f.directory.membership(acct).orElseThrow().path()).containsExactly(root, ou);
  }

  private static MoveAccountRequest move(String account, String from, String to) {
    return MoveAccountRequest.builder().accountId(account).sourceParentId(from).destinationParentId(to).build();
  }

  @Test
  void listParentsOfAnOuAndUnknownChild() {
    String ou = f.createOu(root, "A");
    ListParentsResponse parents = f.mgmt(ListParentsRequest.builder().childId(ou).build());
    assertThat(parents.parents()).containsExactly(Parent.builder().id(root).type(ParentType.ROOT).build());
    f.fails(MGMT, ListParentsRequest.builder().childId("ou-zzzz-zzzzzzzz").build(), "ChildNotFoundException");
  }

  @Test
  void listChildrenPagesThroughOus() {
    for (int i = 0; i < 25; i++) {
      f.createOu(root, "ou" + i);
    }
    ListChildrenResponse first = f.mgmt(
        ListChildrenRequest.builder().parentId(root).childType(ChildType.ORGANIZATIONAL_UNIT).build());
    ListChildrenResponse second = f.mgmt(ListChildrenRequest.builder().parentId(root)
        .childType(ChildType.ORGANIZATIONAL_UNIT).nextToken(first.nextToken()).build());

    assertThat(first.children()).hasSize(20);
    assertThat(second.children()).hasSize(5);
    assertThat(second.nextToken()).isNull();
  }
}
