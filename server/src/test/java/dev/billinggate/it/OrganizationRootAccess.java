package dev.billinggate.it;

import static dev.billinggate.testing.RunningEmulator.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.testing.RunningEmulator;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Steps the root-access integration tests share, all through the SDK as the management account's admin. */
final class OrganizationRootAccess {
  static final String AUDIT = "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials";
  static final String DELETE = "arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials";
  static final String CREATE_PASSWORD = "arn:aws:iam::aws:policy/root-task/IAMCreateRootUserPassword";
  static final String IAM = "iam.amazonaws.com";

  private final RunningEmulator emulator;
  final OrganizationsClient organizations;

  OrganizationRootAccess(RunningEmulator emulator) {
    this.emulator = emulator;
    this.organizations = emulator.organizations(ADMIN);
  }

  /** Trusted access for IAM, then both centralized root access features, as the management account. */
  void enableCentralizedRootAccess() {
    organizations.enableAWSServiceAccess(r -> r.servicePrincipal(IAM));
    emulator.iam(ADMIN).enableOrganizationsRootCredentialsManagement(r -> {});
    emulator.iam(ADMIN).enableOrganizationsRootSessions(r -> {});
  }

  /** CreateAccount, then waits (on the emulator's clock) for it to succeed; returns the account id. */
  String createAccount(String name, IAMUserAccessToBilling billing) {
    String requestId = organizations.createAccount(r -> r.accountName(name)
        .email(name.toLowerCase(java.util.Locale.ROOT) + "@example.com").iamUserAccessToBilling(billing))
        .createAccountStatus().id();
    emulator.clock.advance(Duration.ofSeconds(3));
    CreateAccountStatus status = organizations.describeCreateAccountStatus(r -> r.createAccountRequestId(requestId))
        .createAccountStatus();
    assertThat(status.state()).isEqualTo(CreateAccountState.SUCCEEDED);
    return status.accountId();
  }

  /** The management account's admin in a member, through OrganizationAccountAccessRole. */
  IamClient memberAdmin(String account) {
    Credentials credentials = emulator.sts(ADMIN).assumeRole(r -> r.roleSessionName("admin")
        .roleArn("arn:aws:iam::" + account + ":role/OrganizationAccountAccessRole")).credentials();
    return emulator.iam(RunningEmulator.session(credentials));
  }

  /** An AssumeRoot session in {@code account} scoped by {@code taskPolicy}, requested by {@code caller}. */
  AwsCredentials assumeRoot(AwsCredentials caller, String account, String taskPolicy) {
    Credentials credentials = emulator.sts(caller)
        .assumeRoot(r -> r.targetPrincipal(account).taskPolicyArn(p -> p.arn(taskPolicy))).credentials();
    assertThat(credentials.accessKeyId()).startsWith("ASIA");
    return RunningEmulator.session(credentials);
  }

  static AwsServiceException failure(Runnable call) {
    try {
      call.run();
    } catch (AwsServiceException e) {
      return e;
    }
    throw new AssertionError("expected the call to fail");
  }

  static void assertDenied(Runnable call) {
    AwsServiceException e = failure(call);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
  }
}
