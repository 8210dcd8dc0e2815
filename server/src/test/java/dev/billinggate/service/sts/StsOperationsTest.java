package dev.billinggate.service.sts;

import static dev.billinggate.service.iam.IamFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.auth.CredentialLookup.Credential;
import dev.billinggate.policy.Decision;
import dev.billinggate.policy.Explanation;
import dev.billinggate.policy.PolicyType;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.iam.Expect;
import dev.billinggate.service.iam.IamFixture;
import dev.billinggate.service.iam.Base32;
import dev.billinggate.service.iam.Totp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.EnableMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.DecodeAuthorizationMessageRequest;
import software.amazon.awssdk.services.sts.model.DecodeAuthorizationMessageResponse;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoRequest;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.GetFederationTokenRequest;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;
import software.amazon.awssdk.services.sts.model.Tag;

class StsOperationsTest {
  private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/reader";

  private final IamFixture f = new IamFixture();
  private final StoredCredentialLookup lookup = new StoredCredentialLookup(f.store);

  private Caller bob() {
    f.createUser("bob");
    return f.userCaller("bob");
  }

  private AssumeRoleResponse assume(Caller caller, AssumeRoleRequest.Builder request) {
    return f.call(request.roleArn(ROLE_ARN).build(), f.ctx(caller));
  }

  @Test
  void assumeRoleIssuesSessionCredentials() {
    f.createRole("reader", IamFixture.TRUST_ACCOUNT);
    var context = f.ctx(bob());
    AssumeRoleResponse response = f.call(AssumeRoleRequest.builder().roleArn(ROLE_ARN).roleSessionName("s1").build(),
        context);

    String roleId = f.<GetRoleResponse>call(GetRoleRequest.builder().roleName("reader").build(), f.root()).role().roleId();
    assertThat(response.credentials().accessKeyId()).matches("ASIA[A-Z2-7]{16}");
    assertThat(response.credentials().expiration())
        .isEqualTo(context.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3600));
    assertThat(response.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/reader/s1");
    assertThat(response.assumedRoleUser().assumedRoleId()).isEqualTo(roleId + ":s1");
    assertThat(response.packedPolicySize()).isNull();

    Credential credential = lookup.find(response.credentials().accessKeyId()).orElseThrow();
    assertThat(credential.sessionToken()).isEqualTo(response.credentials().sessionToken());
    assertThat(credential.caller().type()).isEqualTo(CallerType.ASSUMED_ROLE);
    assertThat(credential.caller().session().issuerArn()).isEqualTo(ROLE_ARN);
    assertThat(f.<GetRoleResponse>call(GetRoleRequest.builder().roleName("reader").build(), f.root()).role()
        .roleLastUsed().region()).isEqualTo("us-east-1");
  }

  @Test
  void assumeRoleIsAuthorizedAgainstTheTrustPolicyWithRequestKeys() {
    f.createRole("reader", IamFixture.TRUST_ACCOUNT);
    AccessTarget target = f.target(AssumeRoleRequest.builder().roleArn(ROLE_ARN).roleSessionName("s1")
        .externalId("ext-1").tags(Tag.builder().key("project").value("blue").build()).build(), f.ctx(bob()));

    assertThat(target.action()).isEqualTo("sts:AssumeRole");
    assertThat(target.resourceArn()).isEqualTo(ROLE_ARN);
    assertThat(target.resourceAccount()).isEqualTo(ACCOUNT);
    assertThat(target.resourcePolicy()).isEqualTo(IamFixture.TRUST_ACCOUNT);
    assertThat(target.contextKeys()).containsEntry("sts:ExternalId", List.of("ext-1"))
        .containsEntry("aws:RequestTag/project", List.of("blue")).containsEntry("aws:TagKeys", List.of("project"));

    AccessTarget missing = f.target(AssumeRoleRequest.builder().roleArn("arn:aws:iam::123456789012:role/none")
        .roleSessionName("s1").build(), f.ctx(bob2()));
    assertThat(missing.resourcePolicy()).isNull();
  }

  private Caller bob2() {
    f.createUser("bob2");
    return f.userCaller("bob2");
  }

  @Test
  void rootCannotAssumeRoles() {
    f.createRole("reader", IamFixture.TRUST_ACCOUNT);
    Expect.error(() -> assume(IamFixture.rootCaller(ACCOUNT), AssumeRoleRequest.builder().roleSessionName("s")),
        "AccessDenied", "Roles may not be assumed by root accounts.");
  }

  @Test
  void durationIsBoundedByTheRoleAndByRoleChaining() {
    f.createRole("reader", IamFixture.TRUST_ACCOUNT);
    Caller bob = bob();
    Expect.error(() -> assume(bob, AssumeRoleRequest.builder().roleSessionName("s").durationSeconds(7200)),
        "ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");

    Caller session = lookup.find(assume(bob, AssumeRoleRequest.builder().roleSessionName("s"))
        .credentials().accessKeyId()).orElseThrow().caller();
    Expect.error(() -> assume(session, AssumeRoleRequest.builder().roleSessionName("t").durationSeconds(3601)),
        "ValidationError",
        "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
  }

  @Test
  void sessionPoliciesAreValidatedAndMeasured() {
    f.createRole("reader", IamFixture.TRUST_ACCOUNT);
    Caller bob = bob();
    AssumeRoleResponse small = assume(bob, AssumeRoleRequest.builder().roleSessionName("s").policy(IamFixture.ALLOW_ALL));
    assertThat(small.packedPolicySize()).isBetween(1, 10);

    Expect.error(() -> assume(bob, AssumeRoleRequest.builder().roleSessionName("s").policy("{nope")),
        "MalformedPolicyDocument", "Syntax errors in policy.");
    String big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
        + "\"Resource\":\"arn:aws:s3:::" + "x".repeat(2100) + "\"}]}";
    Expect.error(() -> assume(bob, AssumeRoleRequest.builder().roleSessionName("s").policy(big)),
        "PackedPolicyTooLarge", null);
  }

  @Test
  void getSessionTokenIsForLongTermCredentialsAndCapsRoot() {
    var context = f.root();
    GetSessionTokenResponse root = f.call(GetSessionTokenRequest.builder().durationSeconds(7200).build(), context);
    assertThat(root.credentials().expiration())
        .isEqualTo(context.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3600));

    Caller session = lookup.find(root.credentials().accessKeyId()).orElseThrow().caller();
    assertThat(session.isRoot()).isTrue();
    assertThat(session.session().issuerArn()).isEqualTo("arn:aws:iam::123456789012:root");
    Expect.error(() -> f.call(GetSessionTokenRequest.builder().build(), f.ctx(session)), "AccessDenied",
        "Cannot call GetSessionToken with session credentials");
  }

  @Test
  void sessionTokensCarryMfaWhenTheCodeIsRight() {
    Caller bob = bob();
    var device = f.<CreateVirtualMfaDeviceResponse>call(CreateVirtualMfaDeviceRequest.builder()
        .virtualMFADeviceName("bob").build(), f.root()).virtualMFADevice();
    byte[] secret = Base32.decode(device.base32StringSeed().asString(StandardCharsets.US_ASCII));
    long step = Totp.step(f.clock.instant());
    f.call(EnableMfaDeviceRequest.builder().userName("bob").serialNumber(device.serialNumber())
        .authenticationCode1(Totp.code(secret, step - 1)).authenticationCode2(Totp.code(secret, step)).build(),
        f.root());

    Expect.error(() -> f.call(GetSessionTokenRequest.builder().serialNumber(device.serialNumber())
            .tokenCode("000000").build(), f.ctx(bob)), "AccessDenied",
        "MultiFactorAuthentication failed with invalid MFA one time pass code.");
    GetSessionTokenResponse token = f.call(GetSessionTokenRequest.builder().serialNumber(device.serialNumber())
        .tokenCode(Totp.code(secret, Totp.step(f.clock.instant()))).build(), f.ctx(bob));
    assertThat(lookup.find(token.credentials().accessKeyId()).orElseThrow().caller().session().mfaAuthenticated())
        .isTrue();
  }

  @Test
  void temporaryCredentialsCarryTheirExpiry() {
    Caller bob = bob();
    GetSessionTokenResponse token = f.call(GetSessionTokenRequest.builder().durationSeconds(900).build(), f.ctx(bob));
    f.clock.advance(Duration.ofMinutes(16));
    Credential credential = lookup.find(token.credentials().accessKeyId()).orElseThrow();
    assertThat(credential.expiresAt()).isBefore(f.clock.instant());
  }

  @Test
  void expiredSessionsArePurgedAfterAGracePeriod() {
    Caller bob = bob();
    GetSessionTokenResponse token = f.call(GetSessionTokenRequest.builder().durationSeconds(900).build(), f.ctx(bob));
    assertThat(f.sts.sessions().purgeExpired(f.clock.instant())).isZero();
    f.clock.advance(Duration.ofHours(2));
    assertThat(f.sts.sessions().purgeExpired(f.clock.instant().minus(Duration.ofHours(1)))).isEqualTo(1);
    assertThat(lookup.find(token.credentials().accessKeyId())).isEmpty();
  }

  @Test
  void federationTokensNameAFederatedUser() {
    GetFederationTokenResponse response = f.call(GetFederationTokenRequest.builder().name("dana")
        .policy(IamFixture.ALLOW_ALL).build(), f.ctx(bob()));
    assertThat(response.federatedUser().arn()).isEqualTo("arn:aws:sts::123456789012:federated-user/dana");
    assertThat(response.federatedUser().federatedUserId()).isEqualTo("123456789012:dana");

    Caller federated = lookup.find(response.credentials().accessKeyId()).orElseThrow().caller();
    assertThat(federated.type()).isEqualTo(CallerType.FEDERATED_USER);
    assertThat(federated.session().issuerArn()).isEqualTo("arn:aws:iam::123456789012:user/bob");
    assertThat(federated.session().inlinePolicy()).isEqualTo(IamFixture.ALLOW_ALL);
  }

  @Test
  void callerIdentityAndKeyInfo() {
    Caller bob = bob();
    GetCallerIdentityResponse me = f.call(GetCallerIdentityRequest.builder().build(), f.ctx(bob));
    assertThat(me.arn()).isEqualTo("arn:aws:iam::123456789012:user/bob");
    assertThat(me.account()).isEqualTo(ACCOUNT);
    assertThat(me.userId()).isEqualTo(bob.userId());

    String keyId = f.<CreateAccessKeyResponse>call(CreateAccessKeyRequest.builder().userName("bob").build(),
        f.root()).accessKey().accessKeyId();
    GetAccessKeyInfoResponse info = f.call(GetAccessKeyInfoRequest.builder().accessKeyId(keyId).build(),
        f.ctx(IamFixture.rootCaller(IamFixture.OTHER_ACCOUNT)));
    assertThat(info.account()).isEqualTo(ACCOUNT);
  }

  @Test
  void authorizationMessagesDecodeToAwsShape() {
    Caller bob = bob();
    String encoded = AuthorizationMessages.encode(bob, "iam:ListUsers", "arn:aws:iam::123456789012:user/",
        new Explanation(Decision.IMPLICIT_DENY, PolicyType.IDENTITY, List.of(), "denied"),
        Map.of("aws:SourceIp", List.of("192.0.2.10")));
    DecodeAuthorizationMessageResponse decoded = f.call(DecodeAuthorizationMessageRequest.builder()
        .encodedMessage(encoded).build(), f.ctx(bob));

    assertThat(decoded.decodedMessage()).contains("\"allowed\":false", "\"explicitDeny\":false",
        "\"action\":\"iam:ListUsers\"", "\"key\":\"aws:SourceIp\"", "\"arn\":\"arn:aws:iam::123456789012:user/bob\"");
    Expect.error(() -> f.call(DecodeAuthorizationMessageRequest.builder().encodedMessage("!!!").build(), f.ctx(bob)),
        "InvalidAuthorizationMessageException", null);
  }
}
