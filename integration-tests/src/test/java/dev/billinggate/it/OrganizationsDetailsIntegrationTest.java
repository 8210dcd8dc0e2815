package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.OrganizationsException;

/** Organizations' texts and input checks as AWS answers them, through the SDK. */
@BillingGateTest
class OrganizationsDetailsIntegrationTest {
  static BillingGateHandle emulator;
  static OrganizationsClient organizations;

  // The extension resets state before each test, so each test gets its organization anew.
  @BeforeEach
  void organization() {
    organizations = emulator.organizations(ADMIN);
    organizations.createOrganization(r -> r.featureSet("ALL"));
  }

  private static void fails(Runnable call, String code, String message) {
    OrganizationsException e = catchThrowableOfType(OrganizationsException.class, call::run);
    assertThat(e).as("expected " + code).isNotNull();
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
  }

  @Test
  void notFoundTextsUseTheYouSpecifiedForm() {
    fails(() -> organizations.describePolicy(r -> r.policyId("p-definitely1")), "PolicyNotFoundException",
        "You specified a policy that doesn't exist.");
    fails(() -> organizations.describeOrganizationalUnit(r -> r.organizationalUnitId("ou-abcd-abcdefgh")),
        "OrganizationalUnitNotFoundException", "You specified an organizational unit that doesn't exist.");
    fails(() -> organizations.describeAccount(r -> r.accountId("999999999999")), "AccountNotFoundException",
        "You specified an account that doesn't exist.");
    fails(() -> organizations.listPoliciesForTarget(r -> r.targetId("999999999999").filter("SERVICE_CONTROL_POLICY")),
        "TargetNotFoundException", "You specified a target that doesn't exist.");
    fails(() -> organizations.enablePolicyType(r -> r.rootId("r-abcd").policyType("SERVICE_CONTROL_POLICY")),
        "RootNotFoundException", "You specified a root that doesn't exist.");
  }

  @Test
  void unrecognizedServicePrincipalsAreRefusedByEveryOperationThatNamesOne() {
    String unknown = "billing-gate.amazonaws.com";
    List<Consumer<String>> calls = List.of(
        p -> organizations.enableAWSServiceAccess(r -> r.servicePrincipal(p)),
        p -> organizations.disableAWSServiceAccess(r -> r.servicePrincipal(p)),
        p -> organizations.registerDelegatedAdministrator(r -> r.servicePrincipal(p).accountId("123456789012")),
        p -> organizations.listDelegatedAdministrators(r -> r.servicePrincipal(p)));
    for (Consumer<String> call : calls) {
      InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> call.accept(unknown));
      assertThat(e).isNotNull();
      assertThat(e.reasonAsString()).isEqualTo("UNRECOGNIZED_SERVICE_PRINCIPAL");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("You specified a service principal that isn't recognized.");
    }
    organizations.enableAWSServiceAccess(r -> r.servicePrincipal("access-analyzer.amazonaws.com"));
    assertThat(organizations.listAWSServiceAccessForOrganization().enabledServicePrincipals())
        .extracting(p -> p.servicePrincipal()).contains("access-analyzer.amazonaws.com");
  }
}
