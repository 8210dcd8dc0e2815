package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.auth.CallerType;
import dev.billinggate.auth.CredentialLookup.Credential;
import dev.billinggate.service.sts.StoredCredentialLookup;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.ChangePasswordRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreateLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.EnableMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryRequest;
import software.amazon.awssdk.services.iam.model.GetLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesRequest;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAccountPasswordPolicyRequest;

class CredentialOperationsTest {
  private final IamFixture f = new IamFixture();
  private final StoredCredentialLookup lookup = new StoredCredentialLookup(f.store);

  private AccessKey createKey(String user) {
    return f.iam.accessKeys().createAccessKey(CreateAccessKeyRequest.builder().userName(user).build(), f.root())
        .accessKey();
  }

  @Test
  void accessKeysHaveAwsFormatsAndAQuotaOfTwo() {
    f.createUser("alice");
    AccessKey key = createKey("alice");
    createKey("alice");

    assertThat(key.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
    assertThat(key.secretAccessKey()).hasSize(40);
    assertThat(key.statusAsString()).isEqualTo("Active");
    Expect.error(() -> createKey("alice"), "LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: 2");
  }

  @Test
  void lookupFindsUserKeysAndTheirStatus() {
    f.createUser("alice");
    AccessKey key = createKey("alice");
    f.iam.accessKeys().updateAccessKey(UpdateAccessKeyRequest.builder().userName("alice")
        .accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE).build(), f.root());

    Credential credential = lookup.find(key.accessKeyId()).orElseThrow();
    assertThat(credential.secretAccessKey()).isEqualTo(key.secretAccessKey());
    assertThat(credential.active()).isFalse();
    assertThat(credential.caller().type()).isEqualTo(CallerType.IAM_USER);
    assertThat(credential.caller().arn()).isEqualTo("arn:aws:iam::123456789012:user/alice");

    f.iam.accessKeys().deleteAccessKey(DeleteAccessKeyRequest.builder().userName("alice")
        .accessKeyId(key.accessKeyId()).build(), f.root());
    assertThat(lookup.find(key.accessKeyId())).isEmpty();
  }

  @Test
  void rootManagesItsOwnKeysWithoutUserName() {
    AccessKey key = f.iam.accessKeys().createAccessKey(CreateAccessKeyRequest.builder().build(), f.root()).accessKey();

    assertThat(key.userName()).isNull();
    assertThat(f.iam.accessKeys().listAccessKeys(ListAccessKeysRequest.builder().build(), f.root())
        .accessKeyMetadata()).hasSize(1);
    Credential credential = lookup.find(key.accessKeyId()).orElseThrow();
    assertThat(credential.caller().isRoot()).isTrue();
    assertThat(credential.caller().arn()).isEqualTo("arn:aws:iam::123456789012:root");
    assertThat(f.iam.account().getAccountSummary(GetAccountSummaryRequest.builder().build(), f.root())
        .summaryMapAsStrings()).containsEntry("AccountAccessKeysPresent", 1).containsEntry("Users", 0);
  }

  @Test
  void keyUseIsRecordedCoarsely() {
    f.createUser("alice");
    AccessKey key = createKey("alice");
    java.time.Instant first = f.clock.instant();
    f.iam.accessKeys().recordUse(key.accessKeyId(), "iam", "us-east-1", first);
    f.iam.accessKeys().recordUse(key.accessKeyId(), "sts", "eu-west-1", first.plusSeconds(60));

    var lastUsed = f.iam.accessKeys().getAccessKeyLastUsed(
        software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedRequest.builder()
            .accessKeyId(key.accessKeyId()).build(), f.root());
    assertThat(lastUsed.userName()).isEqualTo("alice");
    assertThat(lastUsed.accessKeyLastUsed().lastUsedDate()).isEqualTo(first);
    assertThat(lastUsed.accessKeyLastUsed().serviceName()).isEqualTo("iam");
  }

  @Test
  void credentialReportListsRootThenUsers() {
    f.createUser("alice");
    createKey("alice");
    Expect.error(() -> f.iam.credentialReports().getCredentialReport(
            software.amazon.awssdk.services.iam.model.GetCredentialReportRequest.builder().build(), f.root()),
        "ReportNotPresent", null);
    f.iam.credentialReports().generateCredentialReport(
        software.amazon.awssdk.services.iam.model.GenerateCredentialReportRequest.builder().build(), f.root());
    String csv = f.iam.credentialReports().getCredentialReport(
        software.amazon.awssdk.services.iam.model.GetCredentialReportRequest.builder().build(), f.root())
        .content().asUtf8String();

    String[] rows = csv.split("\n");
    assertThat(rows).hasSize(3);
    assertThat(rows[0]).startsWith("user,arn,user_creation_time,password_enabled");
    assertThat(rows[1]).startsWith("<root_account>,arn:aws:iam::123456789012:root,").contains(",true,");
    assertThat(rows[2].split(",")).startsWith("alice", "arn:aws:iam::123456789012:user/alice");
    assertThat(rows[2].split(",")[8]).isEqualTo("true");
  }

  @Test
  void importedKeysKeepTheirWellKnownValues() {
    f.createUser("admin");
    f.iam.accessKeys().importAccessKey(ACCOUNT, "admin", "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    assertThat(lookup.find("AKIAIOSFODNN7EXAMPLE").orElseThrow().secretAccessKey())
        .isEqualTo("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  }

  @Test
  void loginProfilesEnforceThePasswordPolicy() {
    f.createUser("alice");
    f.iam.account().updateAccountPasswordPolicy(UpdateAccountPasswordPolicyRequest.builder()
        .minimumPasswordLength(12).requireNumbers(true).build(), f.root());

    Expect.error(() -> f.iam.loginProfiles().createLoginProfile(CreateLoginProfileRequest.builder()
            .userName("alice").password("short1").build(), f.root()),
        "PasswordPolicyViolation", "Password does not conform to the account password policy.");
    f.iam.loginProfiles().createLoginProfile(CreateLoginProfileRequest.builder().userName("alice")
        .password("long-enough-1").passwordResetRequired(true).build(), f.root());

    assertThat(f.iam.loginProfiles().getLoginProfile(GetLoginProfileRequest.builder().userName("alice").build(),
        f.root()).loginProfile().passwordResetRequired()).isTrue();
    assertThat(f.iam.loginProfiles().verifyUserPassword(ACCOUNT, "alice", "long-enough-1")).isTrue();
    Expect.error(() -> f.iam.loginProfiles().createLoginProfile(CreateLoginProfileRequest.builder()
            .userName("alice").password("long-enough-2").build(), f.root()),
        "EntityAlreadyExists", "Login Profile for user alice already exists.");
  }

  @Test
  void usersChangeTheirOwnPassword() {
    f.createUser("alice");
    f.iam.loginProfiles().createLoginProfile(CreateLoginProfileRequest.builder().userName("alice")
        .password("Initial-Pass-1").build(), f.root());
    var alice = f.ctx(f.userCaller("alice"));

    Expect.error(() -> f.iam.loginProfiles().changePassword(ChangePasswordRequest.builder()
        .oldPassword("wrong").newPassword("Next-Pass-22").build(), alice), "AccessDenied", null);
    f.iam.loginProfiles().changePassword(ChangePasswordRequest.builder().oldPassword("Initial-Pass-1")
        .newPassword("Next-Pass-22").build(), alice);
    assertThat(f.iam.loginProfiles().verifyUserPassword(ACCOUNT, "alice", "Next-Pass-22")).isTrue();
  }

  @Test
  void rootPasswordIsTheRootLoginProfile() {
    assertThat(f.iam.accounts().verifyRootPassword(ACCOUNT, "Root-Pass-123")).isTrue();
    f.iam.loginProfiles().deleteLoginProfile(DeleteLoginProfileRequest.builder().build(), f.root());
    assertThat(f.iam.accounts().verifyRootPassword(ACCOUNT, "Root-Pass-123")).isFalse();
    Expect.error(() -> f.iam.loginProfiles().getLoginProfile(GetLoginProfileRequest.builder().build(), f.root()),
        "NoSuchEntity", null);
  }

  @Test
  void virtualMfaNeedsTwoConsecutiveTotpCodes() {
    f.createUser("alice");
    var device = f.iam.mfa().createVirtualMfaDevice(CreateVirtualMfaDeviceRequest.builder()
        .virtualMFADeviceName("alice-phone").build(), f.root()).virtualMFADevice();
    byte[] secret = Base32.decode(device.base32StringSeed().asString(StandardCharsets.US_ASCII));
    long step = Totp.step(f.clock.instant());

    Expect.error(() -> f.iam.mfa().enableMfaDevice(EnableMfaDeviceRequest.builder().userName("alice")
            .serialNumber(device.serialNumber()).authenticationCode1("000000").authenticationCode2("111111").build(),
        f.root()), "InvalidAuthenticationCode", "Authentication code for device is not valid.");
    f.iam.mfa().enableMfaDevice(EnableMfaDeviceRequest.builder().userName("alice")
        .serialNumber(device.serialNumber()).authenticationCode1(Totp.code(secret, step - 1))
        .authenticationCode2(Totp.code(secret, step)).build(), f.root());

    assertThat(device.serialNumber()).isEqualTo("arn:aws:iam::123456789012:mfa/alice-phone");
    assertThat(f.iam.mfa().listMfaDevices(ListMfaDevicesRequest.builder().userName("alice").build(), f.root())
        .mfaDevices()).extracting(d -> d.serialNumber()).containsExactly(device.serialNumber());
  }

  @Test
  void totpMatchesRfc6238TestVector() {
    byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    // RFC 6238 appendix B, SHA1, T = 59 s: 94287082 (8 digits) -> 287082 (6 digits).
    assertThat(Totp.code(secret, 59 / 30)).isEqualTo("287082");
  }
}
