package dev.billinggate.it;

import static dev.billinggate.it.OrganizationRootAccess.AUDIT;
import static dev.billinggate.it.OrganizationRootAccess.CREATE_PASSWORD;
import static dev.billinggate.it.OrganizationRootAccess.DELETE;
import static dev.billinggate.it.OrganizationRootAccess.IAM;
import static dev.billinggate.it.OrganizationRootAccess.assertDenied;
import static dev.billinggate.it.OrganizationRootAccess.failure;
import static dev.billinggate.junit5.BillingGateHandle.ACCOUNT;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.junit5.OrganizationFixture;
import dev.billinggate.service.iam.IamSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.FeatureType;
import software.amazon.awssdk.services.iam.model.ListOrganizationsFeaturesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/**
 * Centralized root access end to end, as an organization administrator lives it: an organization
 * with all features, trusted access for IAM, root credentials management and root sessions; member
 * accounts created before and after; root credentials audited and deleted through AssumeRoot; task
 * policies and SCPs limiting what root sessions and member admins may do.
 */
@BillingGateTest(snapshot = "organization")
class RootAccessIntegrationTest {
  static BillingGateHandle emulator;
  static OrganizationFixture org;
  static String organizationId;
  /** Created before root credentials management: its root user has (unknown) credentials. */
  static String legacy;
  static String dev;
  static String prod;

  @BeforeAll
  static void buildTheOrganization() {
    org = emulator.organization();
    organizationId = emulator.organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL))
        .organization().id();
    legacy = org.createAccount("Legacy", IAMUserAccessToBilling.ALLOW);
    org.enableCentralizedRootAccess();
    dev = org.createAccount("Dev", IAMUserAccessToBilling.DENY);
    prod = org.createAccount("Prod", IAMUserAccessToBilling.ALLOW);
    String rootId = emulator.organizations().listRoots().roots().get(0).id();
    emulator.organizations().enablePolicyType(r -> r.rootId(rootId).policyType(PolicyType.SERVICE_CONTROL_POLICY));
    emulator.saveSnapshot("organization");
  }

  private static Map<SummaryKeyType, Integer> summary(IamClient iam) {
    return iam.getAccountSummary().summaryMap();
  }

  private static String certificate() {
    try (InputStream in = RootAccessIntegrationTest.class.getResourceAsStream("/it/signing-certificate.pem")) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theManagementAccountListsBothFeatures() {
    ListOrganizationsFeaturesResponse features = emulator.iam(ADMIN).listOrganizationsFeatures(r -> {});
    assertThat(features.organizationId()).isEqualTo(organizationId);
    assertThat(features.enabledFeatures())
        .containsExactly(FeatureType.ROOT_CREDENTIALS_MANAGEMENT, FeatureType.ROOT_SESSIONS);
  }

  @Test
  void accountsCreatedUnderRootCredentialsManagementHaveNoRootCredentials() {
    for (String account : new String[] {dev, prod}) {
      assertThat(summary(org.memberAdmin(account))).containsEntry(SummaryKeyType.ACCOUNT_PASSWORD_PRESENT, 0)
          .containsEntry(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 0)
          .containsEntry(SummaryKeyType.ACCOUNT_MFA_ENABLED, 0)
          .containsEntry(SummaryKeyType.ACCOUNT_SIGNING_CERTIFICATES_PRESENT, 0);
      assertThat(emulator.server().iam().accounts().find(account).orElseThrow().passwordRecoveryEnabled()).isFalse();
    }
    // Created before the feature: AWS set a root password nobody knows.
    assertThat(summary(org.memberAdmin(legacy))).containsEntry(SummaryKeyType.ACCOUNT_PASSWORD_PRESENT, 1);
  }

  @Test
  void rootCredentialsAreAuditedThenDeletedThroughAssumeRoot() {
    String member = org.createAccount("Audited", IAMUserAccessToBilling.ALLOW);
    var key = emulator.server().iam().memberAccounts().giveStandaloneRootCredentials(member, "Member-Passw0rd!");
    var mfa = emulator.server().iam().enableRootVirtualDevice(member);
    IamClient memberRoot = emulator.iam(AwsBasicCredentials.create(key.accessKeyId(), key.secret()));
    String certificateId = memberRoot.uploadSigningCertificate(r -> r.certificateBody(certificate()))
        .certificate().certificateId();

    AwsCredentials auditSession = org.assumeRoot(ADMIN, member, AUDIT);
    assertThat(auditSession.accessKeyId()).startsWith("ASIA");
    IamClient audit = emulator.iam(auditSession);
    assertThat(emulator.sts(org.assumeRoot(ADMIN, member, AUDIT)).getCallerIdentity().arn())
        .isEqualTo("arn:aws:iam::" + member + ":root");
    assertThat(summary(audit)).containsEntry(SummaryKeyType.ACCOUNT_PASSWORD_PRESENT, 1)
        .containsEntry(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 1)
        .containsEntry(SummaryKeyType.ACCOUNT_MFA_ENABLED, 1)
        .containsEntry(SummaryKeyType.ACCOUNT_SIGNING_CERTIFICATES_PRESENT, 1);
    assertThat(audit.listAccessKeys().accessKeyMetadata()).extracting(k -> k.accessKeyId())
        .containsExactly(key.accessKeyId());
    assertThat(audit.listSigningCertificates().certificates()).extracting(c -> c.certificateId())
        .containsExactly(certificateId);
    assertThat(audit.listMFADevices().mfaDevices()).extracting(d -> d.serialNumber())
        .containsExactly(mfa.serialNumber());
    assertThat(audit.getLoginProfile(r -> {}).loginProfile()).isNotNull();
    assertThat(audit.getUser().user().arn()).isEqualTo("arn:aws:iam::" + member + ":root");
    assertThat(audit.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId())).userName()).isNull();
    // The audit task reads; it deletes nothing and touches no IAM user.
    assertDenied(() -> audit.deleteAccessKey(r -> r.accessKeyId(key.accessKeyId())));
    assertDenied(() -> audit.listUsers());
    assertDenied(() -> audit.createUser(r -> r.userName("intruder")));
    assertDenied(() -> audit.listAccessKeys(r -> r.userName("someone")));

    IamClient delete = emulator.iam(org.assumeRoot(ADMIN, member, DELETE));
    delete.deleteAccessKey(r -> r.accessKeyId(key.accessKeyId()));
    delete.deleteSigningCertificate(r -> r.certificateId(certificateId));
    delete.deleteLoginProfile(r -> {});
    delete.deactivateMFADevice(r -> r.serialNumber(mfa.serialNumber()));
    delete.deleteVirtualMFADevice(r -> r.serialNumber(mfa.serialNumber()));
    assertDenied(() -> delete.getAccountSummary());
    assertDenied(() -> delete.createLoginProfile(r -> {}));

    assertThat(summary(emulator.iam(org.assumeRoot(ADMIN, member, AUDIT))))
        .containsEntry(SummaryKeyType.ACCOUNT_PASSWORD_PRESENT, 0)
        .containsEntry(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 0)
        .containsEntry(SummaryKeyType.ACCOUNT_MFA_ENABLED, 0)
        .containsEntry(SummaryKeyType.ACCOUNT_SIGNING_CERTIFICATES_PRESENT, 0);
    assertThat(failure(() -> audit.getLoginProfile(r -> {}))).isInstanceOf(NoSuchEntityException.class);
    IamSchema.Account deleted = emulator.server().iam().accounts().find(member).orElseThrow();
    assertThat(deleted.passwordRecoveryEnabled()).isFalse();
    assertThat(emulator.server().iam().accounts().verifyRootPassword(member, "Member-Passw0rd!")).isFalse();
    // The deleted root key no longer signs anything.
    assertThat(failure(() -> memberRoot.getAccountSummary()).awsErrorDetails().errorCode())
        .isEqualTo("InvalidClientTokenId");

    IamClient recover = emulator.iam(org.assumeRoot(ADMIN, member, CREATE_PASSWORD));
    AwsServiceException withPassword = failure(() -> recover.createLoginProfile(r -> r.password("Chosen-Passw0rd!")));
    assertThat(withPassword.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    recover.createLoginProfile(r -> {});
    assertThat(emulator.server().iam().accounts().find(member).orElseThrow().passwordRecoveryEnabled()).isTrue();
    assertDenied(() -> recover.deleteLoginProfile(r -> {}));
  }

  @Test
  void noTaskPolicyReachesCostsOrBilling() {
    for (String task : new String[] {AUDIT, DELETE, CREATE_PASSWORD,
        "arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy", "arn:aws:iam::aws:policy/root-task/SQSUnlockQueuePolicy"}) {
      AwsCredentials session = org.assumeRoot(ADMIN, prod, task);
      AwsServiceException costs = failure(() -> emulator.costExplorer(session).getCostAndUsage(r -> r
          .timePeriod(t -> t.start("2026-10-01").end("2026-11-01")).granularity("MONTHLY").metrics("UnblendedCost")));
      assertThat(costs.awsErrorDetails().errorCode()).as(task).startsWith("AccessDenied");
      assertThat(costs.awsErrorDetails().errorMessage()).as(task).contains("explicit deny in a session policy");
      AwsServiceException budgets = failure(() -> emulator.budgets(session).describeBudgets(r -> r.accountId(prod)));
      assertThat(budgets.awsErrorDetails().errorCode()).as(task).startsWith("AccessDenied");
    }
  }

  @Test
  void anScpDeniesMemberAdminsButNeverTheManagementAccount() {
    String policyId = emulator.organizations().createPolicy(r -> r.name("no-user-listing").description("test")
        .type(PolicyType.SERVICE_CONTROL_POLICY).content("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:ListUsers","Resource":"*"}]}"""))
        .policy().policySummary().id();
    emulator.organizations().attachPolicy(r -> r.policyId(policyId).targetId(prod));
    try {
      assertDenied(() -> org.memberAdmin(prod).listUsers());
      org.memberAdmin(dev).listUsers();
      emulator.iam(ADMIN).listUsers();
    } finally {
      emulator.organizations().detachPolicy(r -> r.policyId(policyId).targetId(prod));
    }
  }

  @Test
  void anScpAgainstRootBlocksRootSessionsUnlessItExemptsAssumedRoot() {
    String denyRoot = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*",
         "Condition":{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}%s}}]}""";
    String policyId = emulator.organizations().createPolicy(r -> r.name("deny-root").description("test")
        .type(PolicyType.SERVICE_CONTROL_POLICY).content(denyRoot.formatted(""))).policy().policySummary().id();
    emulator.organizations().attachPolicy(r -> r.policyId(policyId).targetId(dev));
    try {
      IamClient audit = emulator.iam(org.assumeRoot(ADMIN, dev, AUDIT));
      AwsServiceException denied = failure(() -> audit.getAccountSummary());
      assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
      assertThat(denied.awsErrorDetails().errorMessage()).contains("service control policy");

      // The exemption AWS's example SCPs use: the deny stops short of AssumeRoot sessions.
      emulator.organizations().updatePolicy(r -> r.policyId(policyId)
          .content(denyRoot.formatted(",\"BoolIfExists\":{\"aws:AssumedRoot\":\"false\"}")));
      assertThat(summary(audit)).containsEntry(SummaryKeyType.ACCOUNT_PASSWORD_PRESENT, 0);
    } finally {
      emulator.organizations().detachPolicy(r -> r.policyId(policyId).targetId(dev));
    }
  }

  @Test
  void assumeRootRequiresAMemberTargetATaskPolicyAndAShortSession() {
    AwsServiceException management = failure(() -> org.assumeRoot(ADMIN, ACCOUNT, AUDIT));
    assertThat(management.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");

    AwsServiceException wrongPolicy = failure(() -> org.assumeRoot(ADMIN, dev,
        "arn:aws:iam::aws:policy/AdministratorAccess"));
    assertThat(wrongPolicy.awsErrorDetails().errorCode()).isEqualTo("ValidationError");

    AwsServiceException tooLong = failure(() -> emulator.sts(ADMIN).assumeRoot(r -> r.targetPrincipal(dev)
        .taskPolicyArn(p -> p.arn(AUDIT)).durationSeconds(901)));
    assertThat(tooLong.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(tooLong.awsErrorDetails().errorMessage())
        .contains("Value '901' at 'durationSeconds' failed to satisfy constraint");

    // By ARN as well as by account id; the expiry is the requested duration (default 900 s).
    var credentials = emulator.sts(ADMIN).assumeRoot(r -> r.targetPrincipal("arn:aws:iam::" + dev + ":root")
        .taskPolicyArn(p -> p.arn(AUDIT)).durationSeconds(300)).credentials();
    assertThat(credentials.expiration()).isBefore(emulator.clock().instant().plusSeconds(301));
  }

  @Test
  void rootCallersAndMemberPrincipalsCannotAssumeRoot() {
    var managementRoot = emulator.server().iam().memberAccounts().giveStandaloneRootCredentials(ACCOUNT,
        "Root-Passw0rd!2");
    AwsCredentials root = AwsBasicCredentials.create(managementRoot.accessKeyId(), managementRoot.secret());
    assertThat(failure(() -> org.assumeRoot(root, dev, AUDIT)).awsErrorDetails().errorCode())
        .isEqualTo("AccessDenied");

    IamClient prodAdmin = org.memberAdmin(prod);
    prodAdmin.createUser(r -> r.userName("ops"));
    prodAdmin.attachUserPolicy(r -> r.userName("ops").policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
    var opsKey = prodAdmin.createAccessKey(r -> r.userName("ops")).accessKey();
    AwsCredentials ops = AwsBasicCredentials.create(opsKey.accessKeyId(), opsKey.secretAccessKey());
    assertThat(failure(() -> org.assumeRoot(ops, dev, AUDIT)).awsErrorDetails().errorCode())
        .isEqualTo("AccessDenied");

    // An IAM user of the management account without sts:AssumeRoot is denied by IAM itself.
    IamClient admin = emulator.iam(ADMIN);
    admin.createUser(r -> r.userName("reader"));
    admin.attachUserPolicy(r -> r.userName("reader").policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
    var readerKey = admin.createAccessKey(r -> r.userName("reader")).accessKey();
    AwsServiceException denied = failure(() -> org.assumeRoot(
        AwsBasicCredentials.create(readerKey.accessKeyId(), readerKey.secretAccessKey()), dev, AUDIT));
    assertThat(denied.awsErrorDetails().errorMessage())
        .contains("sts:AssumeRoot on resource: arn:aws:iam::" + dev + ":root");
  }
}
