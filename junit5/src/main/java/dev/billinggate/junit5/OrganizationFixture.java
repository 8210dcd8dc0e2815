package dev.billinggate.junit5;

import java.time.Duration;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

/**
 * The set-up steps of the seed stories, through the SDK as the management account's admin (the
 * bootstrap account is the management account once {@link #create()} ran).
 */
public final class OrganizationFixture {
  /** Root task policies AssumeRoot accepts. */
  public static final String AUDIT_ROOT_USER_CREDENTIALS =
      "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials";
  public static final String DELETE_ROOT_USER_CREDENTIALS =
      "arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials";
  public static final String CREATE_ROOT_USER_PASSWORD =
      "arn:aws:iam::aws:policy/root-task/IAMCreateRootUserPassword";
  public static final String ORGANIZATION_ACCOUNT_ACCESS_ROLE = "OrganizationAccountAccessRole";
  public static final String IAM_SERVICE_PRINCIPAL = "iam.amazonaws.com";
  private static final int STATUS_POLLS = 4;

  private final BillingGateHandle gate;

  OrganizationFixture(BillingGateHandle gate) {
    this.gate = gate;
  }

  /** CreateOrganization with all features; returns the organization id. */
  public String create() {
    return organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL)).organization().id();
  }

  /**
   * CreateAccount with {@code name}@example.com, then waits for it to succeed by moving the server's
   * clock past the configured creation delay; returns the new account id.
   *
   * @throws IllegalStateException when AWS's answer is FAILED (with its reason)
   */
  public String createAccount(String name, IAMUserAccessToBilling billingAccess) {
    String email = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "@example.com";
    CreateAccountStatus status = organizations().createAccount(r -> r.accountName(name).email(email)
        .iamUserAccessToBilling(billingAccess)).createAccountStatus();
    String requestId = status.id();
    Duration delay = gate.config().organizations().createAccountDelay();
    for (int poll = 0; poll < STATUS_POLLS && status.state() == CreateAccountState.IN_PROGRESS; poll++) {
      if (poll > 0) {
        gate.clock().advance(delay.plusSeconds(1));
      }
      status = organizations().describeCreateAccountStatus(r -> r.createAccountRequestId(requestId))
          .createAccountStatus();
    }
    if (status.state() != CreateAccountState.SUCCEEDED) {
      throw new IllegalStateException("CreateAccount " + name + " ended " + status.state() + " ("
          + status.failureReasonAsString() + ")");
    }
    return status.accountId();
  }

  /** Trusted access for IAM, then root credentials management and root sessions. */
  public void enableCentralizedRootAccess() {
    organizations().enableAWSServiceAccess(r -> r.servicePrincipal(IAM_SERVICE_PRINCIPAL));
    gate.iam().enableOrganizationsRootCredentialsManagement(r -> { });
    gate.iam().enableOrganizationsRootSessions(r -> { });
  }

  /** The management account's admin in member {@code account}, through OrganizationAccountAccessRole. */
  public AwsSessionCredentials assumeOrganizationAccountAccessRole(String account) {
    return BillingGateHandle.session(gate.sts().assumeRole(r -> r.roleSessionName("billing-gate-test")
        .roleArn("arn:aws:iam::" + account + ":role/" + ORGANIZATION_ACCOUNT_ACCESS_ROLE)).credentials());
  }

  /** An IAM client for {@link #assumeOrganizationAccountAccessRole}. */
  public IamClient memberAdmin(String account) {
    return gate.iam(assumeOrganizationAccountAccessRole(account));
  }

  /** An AssumeRoot session in member {@code account} scoped by {@code taskPolicyArn}, requested by {@code caller}. */
  public AwsSessionCredentials assumeRoot(AwsCredentials caller, String account, String taskPolicyArn) {
    return BillingGateHandle.session(gate.sts(caller)
        .assumeRoot(r -> r.targetPrincipal(account).taskPolicyArn(p -> p.arn(taskPolicyArn))).credentials());
  }

  private OrganizationsClient organizations() {
    return gate.organizations();
  }
}
