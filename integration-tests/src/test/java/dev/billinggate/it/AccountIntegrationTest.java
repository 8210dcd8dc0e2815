package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ACCOUNT;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.AccessDeniedException;
import software.amazon.awssdk.services.account.model.AlternateContactType;
import software.amazon.awssdk.services.account.model.ResourceNotFoundException;
import software.amazon.awssdk.services.account.model.ValidationException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/** AWS Account Management through the AWS SDK for Java v2 (restJson1). */
@BillingGateTest
class AccountIntegrationTest {
  static BillingGateHandle emulator;
  static AccountClient account;

  @BeforeAll
  static void start() {
    account = emulator.account(ADMIN);
  }

  @Test
  void alternateContactsArePutReadAndDeleted() {
    assertThatThrownBy(() -> account.getAlternateContact(r -> r.alternateContactType(AlternateContactType.SECURITY)))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("No contact of the inputted alternate contact type found.");
        });
    account.putAlternateContact(r -> r.alternateContactType(AlternateContactType.SECURITY).name("Sec Team")
        .title("CISO").emailAddress("sec@example.com").phoneNumber("+1-206-555-0100"));
    var contact = account.getAlternateContact(r -> r.alternateContactType(AlternateContactType.SECURITY))
        .alternateContact();
    assertThat(contact.name()).isEqualTo("Sec Team");
    assertThat(contact.alternateContactType()).isEqualTo(AlternateContactType.SECURITY);
    account.deleteAlternateContact(r -> r.alternateContactType(AlternateContactType.SECURITY));
    assertThatThrownBy(() -> account.deleteAlternateContact(r -> r.alternateContactType(AlternateContactType.SECURITY)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void contactInformationAndAccountName() {
    account.putContactInformation(r -> r.contactInformation(c -> c.fullName("Jane Doe").addressLine1("1 Main St")
        .city("Seattle").postalCode("98101").countryCode("US").phoneNumber("+12065550100")));
    assertThat(account.getContactInformation(r -> { }).contactInformation().fullName()).isEqualTo("Jane Doe");
    account.putAccountName(r -> r.accountName("Renamed"));
    var info = account.getAccountInformation(r -> { });
    assertThat(info.accountId()).isEqualTo(ACCOUNT);
    assertThat(info.accountName()).isEqualTo("Renamed");
    assertThat(info.accountCreatedDate()).isNotNull();
    assertThatThrownBy(() -> account.putAccountName(r -> r.accountName("")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
  }

  @Test
  void accountIdNeedsAnOrganizationWithTrustedAccess() {
    assertThatThrownBy(() -> account.getAccountInformation(r -> r.accountId("111122223333")))
        .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    try (BillingGateHandle org = BillingGateHandle.start()) {
      OrganizationsClient orgs = org.organizations(ADMIN);
      AccountClient mgmt = org.account(ADMIN);
      orgs.createOrganization(r -> r.featureSet("ALL"));
      String requestId = orgs.createAccount(r -> r.accountName("Prod").email("prod@example.com"))
          .createAccountStatus().id();
      org.clock().advance(Duration.ofSeconds(3));
      String member = orgs.describeCreateAccountStatus(r -> r.createAccountRequestId(requestId))
          .createAccountStatus().accountId();

      assertThatThrownBy(() -> mgmt.getAccountInformation(r -> r.accountId(member)))
          .isInstanceOf(AccessDeniedException.class);
      orgs.enableAWSServiceAccess(r -> r.servicePrincipal("account.amazonaws.com"));
      assertThat(mgmt.getAccountInformation(r -> r.accountId(member)).accountName()).isEqualTo("Prod");
      mgmt.putAlternateContact(r -> r.accountId(member).alternateContactType(AlternateContactType.BILLING)
          .name("Billing").title("AP").emailAddress("ap@example.com").phoneNumber("+12065550100"));
      assertThat(mgmt.getAlternateContact(r -> r.accountId(member).alternateContactType(AlternateContactType.BILLING))
          .alternateContact().emailAddress()).isEqualTo("ap@example.com");
      assertThatThrownBy(() -> mgmt.getAlternateContact(r -> r.alternateContactType(AlternateContactType.BILLING)))
          .isInstanceOf(ResourceNotFoundException.class);
      assertThatThrownBy(() -> mgmt.getAccountInformation(r -> r.accountId(ACCOUNT)))
          .isInstanceOf(AccessDeniedException.class);
    }
  }
}
