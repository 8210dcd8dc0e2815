package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.testing.IamPrincipals;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeletionTaskStatusType;
import software.amazon.awssdk.services.iam.model.GetServiceLinkedRoleDeletionStatusResponse;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.UnmodifiableEntityException;

/** Service-linked roles through the SDK: AWS's names, paths, protection and deletion tasks. */
@BillingGateTest
class ServiceLinkedRoleIntegrationTest {
  private static final String POLICY = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}""";

  static BillingGateHandle emulator;
  static IamClient admin;

  @BeforeAll
  static void start() {
    admin = emulator.iam(ADMIN);
  }

  @Test
  void createsTheServicesRoleAtItsPathWithItsTrustAndPolicy() {
    Role role = admin.createServiceLinkedRole(r -> r.awsServiceName("organizations.amazonaws.com")).role();
    assertThat(role.roleName()).isEqualTo("AWSServiceRoleForOrganizations");
    assertThat(role.path()).isEqualTo("/aws-service-role/organizations.amazonaws.com/");
    assertThat(role.arn()).isEqualTo(
        "arn:aws:iam::123456789012:role/aws-service-role/organizations.amazonaws.com/AWSServiceRoleForOrganizations");
    assertThat(role.roleId()).startsWith("AROA");
    assertThat(java.net.URLDecoder.decode(role.assumeRolePolicyDocument(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"Service\":\"organizations.amazonaws.com\"");
    assertThat(admin.listAttachedRolePolicies(r -> r.roleName("AWSServiceRoleForOrganizations")).attachedPolicies())
        .extracting(p -> p.policyArn())
        .containsExactly("arn:aws:iam::aws:policy/aws-service-role/AWSOrganizationsServiceTrustPolicy");
    assertThatThrownBy(() -> admin.createServiceLinkedRole(r -> r.awsServiceName("organizations.amazonaws.com")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Service role name AWSServiceRoleForOrganizations has been taken in this account,"
            + " please try a different suffix.");
  }

  @Test
  void customSuffixesOnlyWhereTheServiceTakesThem() {
    Role suffixed = admin.createServiceLinkedRole(r -> r.awsServiceName("autoscaling.amazonaws.com").customSuffix("fleet"))
        .role();
    assertThat(suffixed.roleName()).isEqualTo("AWSServiceRoleForAutoScaling_fleet");
    assertThatThrownBy(() -> admin.createServiceLinkedRole(r -> r.awsServiceName("ecs.amazonaws.com").customSuffix("x")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Custom suffix is not allowed for ecs.amazonaws.com");
    assertThatThrownBy(() -> admin.createServiceLinkedRole(r -> r.awsServiceName("example.com")))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void ordinaryRoleOperationsCannotChangeIt() {
    admin.createServiceLinkedRole(r -> r.awsServiceName("support.amazonaws.com"));
    String name = "AWSServiceRoleForSupport";
    String message = "Cannot perform the operation on the protected role 'AWSServiceRoleForSupport'"
        + " - this role is only modifiable by AWS";
    assertThatThrownBy(() -> admin.deleteRole(r -> r.roleName(name)))
        .isInstanceOf(UnmodifiableEntityException.class).hasMessageStartingWith(message);
    assertThatThrownBy(() -> admin.updateAssumeRolePolicy(r -> r.roleName(name).policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},
         "Action":"sts:AssumeRole"}]}""")))
        .isInstanceOf(UnmodifiableEntityException.class).hasMessageStartingWith(message);
    assertThatThrownBy(() -> admin.putRolePolicy(r -> r.roleName(name).policyName("p").policyDocument(POLICY)))
        .isInstanceOf(UnmodifiableEntityException.class);
    assertThatThrownBy(() -> admin.attachRolePolicy(r -> r.roleName(name)
        .policyArn("arn:aws:iam::aws:policy/AdministratorAccess")))
        .isInstanceOf(UnmodifiableEntityException.class);
  }

  @Test
  void deletionRunsAsATaskThatIsInProgressUntilTheDelayHasPassed() {
    admin.createServiceLinkedRole(r -> r.awsServiceName("elasticloadbalancing.amazonaws.com"));
    String taskId = admin.deleteServiceLinkedRole(r -> r.roleName("AWSServiceRoleForElasticLoadBalancing"))
        .deletionTaskId();
    assertThat(taskId).matches("task/aws-service-role/elasticloadbalancing\\.amazonaws\\.com/"
        + "AWSServiceRoleForElasticLoadBalancing/[0-9a-f-]{36}");
    GetServiceLinkedRoleDeletionStatusResponse running =
        admin.getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(taskId));
    assertThat(running.status()).isEqualTo(DeletionTaskStatusType.IN_PROGRESS);
    assertThat(running.reason()).isNull();
    emulator.clock().advance(Duration.ofSeconds(1));
    assertThat(admin.getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(taskId)).status())
        .isEqualTo(DeletionTaskStatusType.IN_PROGRESS);
    emulator.clock().advance(Duration.ofSeconds(1));
    assertThat(admin.getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(taskId)).status())
        .isEqualTo(DeletionTaskStatusType.SUCCEEDED);
    assertThatThrownBy(() -> admin.getRole(r -> r.roleName("AWSServiceRoleForElasticLoadBalancing")))
        .isInstanceOf(NoSuchEntityException.class);

    admin.createServiceLinkedRole(r -> r.awsServiceName("spot.amazonaws.com"));
    admin.createInstanceProfile(r -> r.instanceProfileName("spot"));
    admin.addRoleToInstanceProfile(r -> r.instanceProfileName("spot").roleName("AWSServiceRoleForEC2Spot"));
    String failing = admin.deleteServiceLinkedRole(r -> r.roleName("AWSServiceRoleForEC2Spot")).deletionTaskId();
    assertThat(admin.getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(failing)).status())
        .isEqualTo(DeletionTaskStatusType.IN_PROGRESS);
    emulator.clock().advance(Duration.ofSeconds(2));
    GetServiceLinkedRoleDeletionStatusResponse failed =
        admin.getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(failing));
    assertThat(failed.status()).isEqualTo(DeletionTaskStatusType.FAILED);
    assertThat(failed.reason().reason()).isNotBlank();
    assertThat(admin.getRole(r -> r.roleName("AWSServiceRoleForEC2Spot")).role()).isNotNull();

    admin.createRole(r -> r.roleName("plain").assumeRolePolicyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},
         "Action":"sts:AssumeRole"}]}"""));
    assertThatThrownBy(() -> admin.deleteServiceLinkedRole(r -> r.roleName("plain")))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void creationIsAuthorizedWithTheServiceNameKey() {
    IamClient limited = emulator.iam(IamPrincipals.userWithPolicy(admin, "slr-creator", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"*",
         "Condition":{"StringEquals":{"iam:AWSServiceName":"config.amazonaws.com"}}}]}"""));
    assertThat(limited.createServiceLinkedRole(r -> r.awsServiceName("config.amazonaws.com")).role().roleName())
        .isEqualTo("AWSServiceRoleForConfig");
    assertThatThrownBy(() -> limited.createServiceLinkedRole(r -> r.awsServiceName("rds.amazonaws.com")))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("iam:CreateServiceLinkedRole on resource: "
            + "arn:aws:iam::123456789012:role/aws-service-role/rds.amazonaws.com/AWSServiceRoleForRDS");
  }
}
