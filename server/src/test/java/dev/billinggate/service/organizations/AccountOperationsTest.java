package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgFixture.MGMT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.*;

class AccountOperationsTest {
  private final OrgFixture f = new OrgFixture();

  @BeforeEach
  void organization() {
    f.createOrganization();
  }

  private Account describe(String id) {
    DescribeAccountResponse r = f.mgmt(DescribeAccountRequest.builder().accountId(id).build());
    return r.account();
  }

  @Test
  void closingIsPendingThenClosedAndStillCountsAgainstTheQuota() {
    String acct = f.createAccount("old");
    f.mgmt(CloseAccountRequest.builder().accountId(acct).build());
    assertThat(describe(acct).state()).isEqualTo(AccountState.PENDING_CLOSURE);
    assertThat(describe(acct).status()).isEqualTo(AccountStatus.PENDING_CLOSURE);
    f.fails(MGMT, CloseAccountRequest.builder().accountId(acct).build(), "ConflictException");

    f.advance(Duration.ofSeconds(3));
    assertThat(describe(acct).state()).isEqualTo(AccountState.CLOSED);
    assertThat(describe(acct).status()).isEqualTo(AccountStatus.SUSPENDED);
    f.fails(MGMT, CloseAccountRequest.builder().accountId(acct).build(), "AccountAlreadyClosedException");
    ListAccountsResponse all = f.mgmt(ListAccountsRequest.builder().build());
    assertThat(all.accounts()).extracting(Account::id).contains(acct);
  }

  @Test
  void theManagementAccountCantBeClosedRemovedOrLeave() {
    f.failsWithReason(MGMT, CloseAccountRequest.builder().accountId(MGMT).build(), "ConstraintViolationException",
        "CANNOT_CLOSE_MANAGEMENT_ACCOUNT");
    f.fails(MGMT, RemoveAccountFromOrganizationRequest.builder().accountId(MGMT).build(),
        "MasterCannotLeaveOrganizationException");
    f.fails(MGMT, LeaveOrganizationRequest.builder().build(), "MasterCannotLeaveOrganizationException");
  }

  @Test
  void removedAccountsLoseTagsAndMembership() {
    String acct = f.createAccount("gone");
    f.mgmt(TagResourceRequest.builder().resourceId(acct).tags(Tag.builder().key("k").value("v").build()).build());
    f.mgmt(RemoveAccountFromOrganizationRequest.builder().accountId(acct).build());

    f.fails(MGMT, DescribeAccountRequest.builder().accountId(acct).build(), "AccountNotFoundException");
    f.fails(acct, DescribeOrganizationRequest.builder().build(), "AWSOrganizationsNotInUseException");
    f.fails(MGMT, RemoveAccountFromOrganizationRequest.builder().accountId(acct).build(), "AccountNotFoundException");
  }

  @Test
  void delegatedAdministratorsMustBeDeregisteredBeforeLeaving() {
    String acct = f.createAccount("admin");
    f.mgmt(EnableAwsServiceAccessRequest.builder().servicePrincipal("sso.amazonaws.com").build());
    f.mgmt(RegisterDelegatedAdministratorRequest.builder().accountId(acct).servicePrincipal("sso.amazonaws.com").build());

    f.failsWithReason(acct, LeaveOrganizationRequest.builder().build(), "ConstraintViolationException",
        "CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG");
    f.mgmt(DeregisterDelegatedAdministratorRequest.builder().accountId(acct).servicePrincipal("sso.amazonaws.com")
        .build());
    f.call(acct, LeaveOrganizationRequest.builder().build());
    assertThat(f.directory.membership(acct)).isEmpty();
  }

  @Test
  void tagsCanBeAddedListedAndRemoved() {
    String ou = f.createOu(f.rootId(), "A");
    f.mgmt(TagResourceRequest.builder().resourceId(ou).tags(
        Tag.builder().key("b").value("2").build(), Tag.builder().key("a").value("1").build()).build());
    f.mgmt(UntagResourceRequest.builder().resourceId(ou).tagKeys("b").build());

    ListTagsForResourceResponse r = f.mgmt(ListTagsForResourceRequest.builder().resourceId(ou).build());
    assertThat(r.tags()).containsExactly(Tag.builder().key("a").value("1").build());
    f.fails(MGMT, TagResourceRequest.builder().resourceId("ou-zzzz-zzzzzzzz")
        .tags(Tag.builder().key("a").value("1").build()).build(), "TargetNotFoundException");
  }
}
