package dev.billinggate.it;

import static dev.billinggate.it.OrganizationRootAccess.AUDIT;
import static dev.billinggate.it.OrganizationRootAccess.IAM;
import static dev.billinggate.it.OrganizationRootAccess.failure;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.junit5.OrganizationFixture;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccountNotManagementOrDelegatedAdministratorException;
import software.amazon.awssdk.services.iam.model.CallerIsNotManagementAccountException;
import software.amazon.awssdk.services.iam.model.FeatureType;
import software.amazon.awssdk.services.iam.model.OrganizationNotFoundException;
import software.amazon.awssdk.services.iam.model.OrganizationNotInAllFeaturesModeException;
import software.amazon.awssdk.services.iam.model.ServiceAccessNotEnabledException;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

/** Every precondition of the centralized root access operations and of AssumeRoot, each with AWS's error. */
@BillingGateTest
class RootAccessPreconditionsIntegrationTest {
  BillingGateHandle emulator;
  OrganizationFixture org;
  IamClient admin;

  @BeforeEach
  void start() {
    org = emulator.organization();
    admin = emulator.iam(ADMIN);
  }

  /** Each of the five operations, as {@code iam} calls them. */
  private static void everyOperation(IamClient iam, Consumer<Runnable> check) {
    check.accept(() -> iam.enableOrganizationsRootCredentialsManagement(r -> {}));
    check.accept(() -> iam.enableOrganizationsRootSessions(r -> {}));
    check.accept(() -> iam.disableOrganizationsRootCredentialsManagement(r -> {}));
    check.accept(() -> iam.disableOrganizationsRootSessions(r -> {}));
    check.accept(() -> iam.listOrganizationsFeatures(r -> {}));
  }

  @Test
  void withoutAnOrganizationEveryOperationFails() {
    everyOperation(admin, call -> {
      AwsServiceException e = failure(call);
      assertThat(e).isInstanceOf(OrganizationNotFoundException.class);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("OrganizationNotFoundException");
      assertThat(e.statusCode()).isEqualTo(400);
    });
  }

  @Test
  void consolidatedBillingOnlyOrganizationsAreRefused() {
    emulator.organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.CONSOLIDATED_BILLING));
    everyOperation(admin, call ->
        assertThat(failure(call)).isInstanceOf(OrganizationNotInAllFeaturesModeException.class)
            .hasMessageContaining("your organization does not have All features enabled."));
  }

  @Test
  void trustedAccessForIamIsRequired() {
    emulator.organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    everyOperation(admin, call ->
        assertThat(failure(call)).isInstanceOf(ServiceAccessNotEnabledException.class)
            .hasMessageContaining("trusted access is not enabled for IAM in Organizations."));
  }

  @Test
  void membersAreRefusedAndTheDelegatedAdministratorMayOnlyDisableAndList() {
    emulator.organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    emulator.organizations().enableAWSServiceAccess(r -> r.servicePrincipal(IAM));
    String security = org.createAccount("Security", IAMUserAccessToBilling.ALLOW);
    IamClient securityAdmin = org.memberAdmin(security);
    everyOperation(securityAdmin, call ->
        assertThat(failure(call)).isInstanceOf(AccountNotManagementOrDelegatedAdministratorException.class));

    admin.enableOrganizationsRootCredentialsManagement(r -> {});
    admin.enableOrganizationsRootSessions(r -> {});
    emulator.organizations().registerDelegatedAdministrator(r -> r.accountId(security).servicePrincipal(IAM));
    assertThat(failure(() -> securityAdmin.enableOrganizationsRootSessions(r -> {})))
        .isInstanceOf(CallerIsNotManagementAccountException.class);
    assertThat(failure(() -> securityAdmin.enableOrganizationsRootCredentialsManagement(r -> {})))
        .isInstanceOf(CallerIsNotManagementAccountException.class);
    assertThat(securityAdmin.listOrganizationsFeatures(r -> {}).enabledFeatures())
        .containsExactly(FeatureType.ROOT_CREDENTIALS_MANAGEMENT, FeatureType.ROOT_SESSIONS);
    assertThat(securityAdmin.disableOrganizationsRootCredentialsManagement(r -> {}).enabledFeatures())
        .containsExactly(FeatureType.ROOT_SESSIONS);
    assertThat(admin.listOrganizationsFeatures(r -> {}).enabledFeatures()).containsExactly(FeatureType.ROOT_SESSIONS);
  }

  @Test
  void assumeRootNeedsRootSessionsAndWorksForTheDelegatedAdministrator() {
    emulator.organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    emulator.organizations().enableAWSServiceAccess(r -> r.servicePrincipal(IAM));
    String security = org.createAccount("Security", IAMUserAccessToBilling.ALLOW);
    String workload = org.createAccount("Workload", IAMUserAccessToBilling.ALLOW);
    admin.enableOrganizationsRootCredentialsManagement(r -> {});

    AwsServiceException off = failure(() -> org.assumeRoot(ADMIN, workload, AUDIT));
    assertThat(off.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");

    admin.enableOrganizationsRootSessions(r -> {});
    org.assumeRoot(ADMIN, workload, AUDIT);

    emulator.organizations().registerDelegatedAdministrator(r -> r.accountId(security).servicePrincipal(IAM));
    IamClient securityAdmin = org.memberAdmin(security);
    securityAdmin.createUser(r -> r.userName("root-operator"));
    securityAdmin.putUserPolicy(r -> r.userName("root-operator").policyName("assume-root").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRoot",
         "Resource":"arn:aws:iam::*:root",
         "Condition":{"StringEquals":{"sts:TaskPolicyArn":"%s"}}}]}""".formatted(AUDIT)));
    var key = securityAdmin.createAccessKey(r -> r.userName("root-operator")).accessKey();
    var operator = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    emulator.iam(org.assumeRoot(operator, workload, AUDIT)).getAccountSummary();
    // sts:TaskPolicyArn limits the operator to the audit task.
    assertThat(failure(() -> org.assumeRoot(operator, workload, OrganizationRootAccess.DELETE))
        .awsErrorDetails().errorCode()).isEqualTo("AccessDenied");

    admin.disableOrganizationsRootSessions(r -> {});
    assertThat(failure(() -> org.assumeRoot(operator, workload, AUDIT)).awsErrorDetails().errorCode())
        .isEqualTo("AccessDenied");
  }
}
