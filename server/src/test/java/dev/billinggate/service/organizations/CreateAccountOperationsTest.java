package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgFixture.MGMT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.*;

class CreateAccountOperationsTest {
  private final OrgFixture f = new OrgFixture();

  private CreateAccountStatus request(String name, String email) {
    CreateAccountResponse r = f.mgmt(CreateAccountRequest.builder().accountName(name).email(email).build());
    return r.createAccountStatus();
  }

  private CreateAccountStatus describe(String id) {
    DescribeCreateAccountStatusResponse r =
        f.mgmt(DescribeCreateAccountStatusRequest.builder().createAccountRequestId(id).build());
    return r.createAccountStatus();
  }

  @Test
  void createAccountIsInProgressUntilTheDelayHasPassed() {
    f.createOrganization();
    CreateAccountStatus started = request("dev", "dev@example.com");

    assertThat(started.id()).matches("car-[a-z0-9]{32}");
    assertThat(started.state()).isEqualTo(CreateAccountState.IN_PROGRESS);
    assertThat(started.accountName()).isEqualTo("dev");
    f.advance(Duration.ofSeconds(1));
    assertThat(describe(started.id()).state()).isEqualTo(CreateAccountState.IN_PROGRESS);

    f.advance(Duration.ofSeconds(1));
    CreateAccountStatus done = describe(started.id());
    assertThat(done.state()).isEqualTo(CreateAccountState.SUCCEEDED);
    assertThat(done.accountId()).matches("\\d{12}");
    assertThat(done.completedTimestamp()).isEqualTo(started.requestedTimestamp().plusSeconds(2));

    DescribeAccountResponse account = f.mgmt(DescribeAccountRequest.builder().accountId(done.accountId()).build());
    String orgId = f.directory.membership(MGMT).orElseThrow().organizationId();
    assertThat(account.account().arn())
        .isEqualTo("arn:aws:organizations::" + MGMT + ":account/" + orgId + "/" + done.accountId());
    assertThat(account.account().email()).isEqualTo("dev@example.com");
    assertThat(account.account().joinedMethod()).isEqualTo(AccountJoinedMethod.CREATED);
    assertThat(account.account().state()).isEqualTo(AccountState.ACTIVE);
    assertThat(account.account().status()).isEqualTo(AccountStatus.ACTIVE);
  }

  @Test
  void successProvisionsTheAccountInIamWithRoleAndBillingSwitch() {
    f.createOrganization();
    String allow = f.createAccount("allow");
    CreateAccountResponse deny = f.mgmt(CreateAccountRequest.builder().accountName("deny").email("deny@example.com")
        .roleName("Admin").iamUserAccessToBilling(IAMUserAccessToBilling.DENY).build());
    String denyId = f.awaitCreate(deny.createAccountStatus().id()).accountId();

    NewMemberAccount a = f.provisioner.provisioned.get(allow);
    assertThat(a.roleName()).isEqualTo("OrganizationAccountAccessRole");
    assertThat(a.iamUserAccessToBilling()).isEqualTo(BillingAccessChoice.UNSPECIFIED);
    assertThat(a.managementAccountId()).isEqualTo(MGMT);
    NewMemberAccount d = f.provisioner.provisioned.get(denyId);
    assertThat(d.roleName()).isEqualTo("Admin");
    assertThat(d.iamUserAccessToBilling()).isEqualTo(BillingAccessChoice.DENY);
  }

  @Test
  void zeroDelayAnswersWithTheCompletedRequest() {
    OrgFixture g = new OrgFixture(OrganizationsSettings.defaults().withDelays(Duration.ZERO, Duration.ZERO), () -> 0.5);
    g.createOrganization();
    CreateAccountResponse r = g.mgmt(CreateAccountRequest.builder().accountName("a").email("a@example.com").build());
    assertThat(r.createAccountStatus().state()).isEqualTo(CreateAccountState.SUCCEEDED);
    assertThat(r.createAccountStatus().accountId()).matches("\\d{12}");

    CreateAccountResponse taken = g.mgmt(CreateAccountRequest.builder().accountName("b").email("a@example.com").build());
    assertThat(taken.createAccountStatus().state()).isEqualTo(CreateAccountState.FAILED);
    assertThat(taken.createAccountStatus().failureReasonAsString()).isEqualTo("EMAIL_ALREADY_EXISTS");

    ListAccountsResponse accounts = g.mgmt(ListAccountsRequest.builder().build());
    assertThat(accounts.accounts()).hasSize(2);
  }

  @Test
  void atMostFiveCreationsRunAtOnce() {
    f.createOrganization();
    IntStream.range(0, 5).forEach(i -> request("a" + i, "a" + i + "@example.com"));

    f.failsWithReason(MGMT, CreateAccountRequest.builder().accountName("six").email("six@example.com").build(),
        "ConstraintViolationException", "ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED");
    f.advance(Duration.ofSeconds(3));
    assertThat(request("six", "six@example.com").state()).isEqualTo(CreateAccountState.IN_PROGRESS);
  }

  @Test
  void anEmailInUseFailsTheRequest() {
    f.createOrganization();
    CreateAccountStatus taken = request("dup", "MGMT@example.com");
    CreateAccountStatus first = request("x", "x@example.com");
    f.advance(Duration.ofMillis(100));
    CreateAccountStatus second = request("y", "x@example.com");

    f.advance(Duration.ofSeconds(3));
    assertThat(describe(taken.id()).failureReason()).isEqualTo(CreateAccountFailureReason.EMAIL_ALREADY_EXISTS);
    assertThat(describe(taken.id()).state()).isEqualTo(CreateAccountState.FAILED);
    assertThat(describe(first.id()).state()).isEqualTo(CreateAccountState.SUCCEEDED);
    assertThat(describe(second.id()).failureReason()).isEqualTo(CreateAccountFailureReason.EMAIL_ALREADY_EXISTS);
  }

  @Test
  void theAccountQuotaFailsRequestsBeyondIt() {
    OrgFixture g = new OrgFixture(OrganizationsSettings.defaults().withAccountQuota(2), () -> 0.5);
    g.createOrganization();
    g.createAccount("one");
    CreateAccountResponse r = g.mgmt(CreateAccountRequest.builder().accountName("two").email("two@example.com").build());

    CreateAccountStatus s = g.awaitCreate(r.createAccountStatus().id());
    assertThat(s.state()).isEqualTo(CreateAccountState.FAILED);
    assertThat(s.failureReason()).isEqualTo(CreateAccountFailureReason.ACCOUNT_LIMIT_EXCEEDED);
  }

  @Test
  void listCreateAccountStatusFiltersByState() {
    f.createOrganization();
    f.createAccount("done");
    request("pending", "pending@example.com");

    ListCreateAccountStatusResponse inProgress = f.mgmt(
        ListCreateAccountStatusRequest.builder().states(CreateAccountState.IN_PROGRESS).build());
    ListCreateAccountStatusResponse all = f.mgmt(ListCreateAccountStatusRequest.builder().build());

    assertThat(inProgress.createAccountStatuses()).extracting(CreateAccountStatus::accountName).containsExactly("pending");
    assertThat(all.createAccountStatuses()).hasSize(2);
  }

  @Test
  void unknownRequestIdIsNotFound() {
    f.createOrganization();
    f.fails(MGMT, DescribeCreateAccountStatusRequest.builder().createAccountRequestId("car-abcdefgh").build(),
        "CreateAccountStatusNotFoundException");
  }

  @Test
  void tagsGivenAtCreationAreOnTheAccount() {
    f.createOrganization();
    CreateAccountResponse r = f.mgmt(CreateAccountRequest.builder().accountName("t").email("t@example.com")
        .tags(Tag.builder().key("team").value("blue").build()).build());
    String id = f.awaitCreate(r.createAccountStatus().id()).accountId();

    ListTagsForResourceResponse tags = f.mgmt(ListTagsForResourceRequest.builder().resourceId(id).build());
    assertThat(tags.tags()).containsExactly(Tag.builder().key("team").value("blue").build());
  }
}
