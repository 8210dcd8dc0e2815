package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ACCOUNT;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.testing.SignedHttp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** IAM and STS through the AWS SDK for Java v2, end to end over HTTP with real SigV4. */
@BillingGateTest
class IamStsIntegrationTest {
  private static final String TRUST_ACCOUNT = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
       "Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}""";

  static BillingGateHandle emulator;
  static IamClient admin;

  @BeforeAll
  static void start() {
    admin = emulator.iam(ADMIN);
  }

  private static AwsBasicCredentials keysFor(String user) {
    AccessKey key = admin.createAccessKey(r -> r.userName(user)).accessKey();
    return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
  }

  private static AwsServiceException denied(Runnable call) {
    try {
      call.run();
    } catch (AwsServiceException e) {
      return e;
    }
    throw new AssertionError("expected the call to be denied");
  }

  @Test
  void bootstrapAdminIsTheCallerIdentity() {
    GetCallerIdentityResponse me = emulator.sts(ADMIN).getCallerIdentity();
    assertThat(me.account()).isEqualTo(ACCOUNT);
    assertThat(me.arn()).isEqualTo("arn:aws:iam::123456789012:user/admin");
    assertThat(me.userId()).startsWith("AIDA").hasSize(21);
  }

  @Test
  void usersAreCreatedListedAndConflictsAreReported() {
    admin.createUser(r -> r.userName("carol").path("/team/"));
    assertThat(admin.getUser(r -> r.userName("carol")).user().arn())
        .isEqualTo("arn:aws:iam::123456789012:user/team/carol");
    assertThat(admin.listUsers().users()).extracting(u -> u.userName()).contains("admin", "carol");
    assertThatThrownBy(() -> admin.createUser(r -> r.userName("carol")))
        .isInstanceOf(EntityAlreadyExistsException.class)
        .hasMessageContaining("User with name carol already exists.");
    assertThatThrownBy(() -> admin.getUser(r -> r.userName("nobody")))
        .isInstanceOf(NoSuchEntityException.class)
        .hasMessageContaining("The user with name nobody cannot be found.");
  }

  @Test
  void invalidInputIsRejectedWithAwsValidationText() {
    IamException e = (IamException) denied(() -> admin.createUser(r -> r.userName("bad name!")));
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(e.awsErrorDetails().errorMessage())
        .startsWith("1 validation error detected: Value at 'userName' failed to satisfy constraint");
  }

  @Test
  void malformedPolicyDocumentsAreRejected() {
    assertThatThrownBy(() -> admin.createPolicy(r -> r.policyName("broken").policyDocument("{not json")))
        .isInstanceOf(MalformedPolicyDocumentException.class)
        .hasMessageContaining("Syntax errors in policy.");
  }

  @Test
  void aUserWithoutPoliciesIsDeniedWithAwsMessageUntilAPolicyAllows() {
    admin.createUser(r -> r.userName("alice"));
    IamClient alice = emulator.iam(keysFor("alice"));

    AwsServiceException e = denied(alice::listUsers);
    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(e.awsErrorDetails().errorMessage())
        .startsWith("User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:ListUsers on resource: ")
        .endsWith("because no identity-based policy allows the iam:ListUsers action");

    admin.attachUserPolicy(r -> r.userName("alice").policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
    assertThat(alice.listUsers().users()).isNotEmpty();
    assertThat(emulator.sts(keysFor("alice")).getCallerIdentity().arn()).endsWith(":user/alice");
  }

  @Test
  void aPermissionsBoundaryLimitsWhatIdentityPoliciesAllow() {
    admin.createUser(r -> r.userName("bounded"));
    admin.attachUserPolicy(r -> r.userName("bounded").policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
    String boundaryArn = admin.createPolicy(r -> r.policyName("only-get-user").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser","Resource":"*"}]}""")).policy().arn();
    admin.putUserPermissionsBoundary(r -> r.userName("bounded").permissionsBoundary(boundaryArn));
    IamClient bounded = emulator.iam(keysFor("bounded"));

    assertThat(bounded.getUser(r -> r.userName("bounded")).user().userName()).isEqualTo("bounded");
    AwsServiceException e = denied(bounded::listUsers);
    assertThat(e.awsErrorDetails().errorMessage())
        .endsWith("because no permissions boundary allows the iam:ListUsers action");
  }

  @Test
  void assumeRoleHonoursTrustPolicyIdentityPolicyAndSessionPolicy() {
    String roleArn = admin.createRole(r -> r.roleName("reader").assumeRolePolicyDocument(TRUST_ACCOUNT)).role().arn();
    admin.attachRolePolicy(r -> r.roleName("reader").policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
    admin.createUser(r -> r.userName("bob"));
    AwsBasicCredentials bobKeys = keysFor("bob");
    StsClient bob = emulator.sts(bobKeys);

    // The trust policy delegates to the account, so bob's own policies must allow sts:AssumeRole.
    AwsServiceException e = denied(() -> bob.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1")));
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(e.awsErrorDetails().errorMessage()).contains("is not authorized to perform: sts:AssumeRole on resource: " + roleArn);

    admin.putUserPolicy(r -> r.userName("bob").policyName("assume").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"""));
    Credentials session = bob.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1")).credentials();
    assertThat(session.accessKeyId()).startsWith("ASIA");
    assertThat(emulator.sts(BillingGateHandle.session(session)).getCallerIdentity().arn())
        .isEqualTo("arn:aws:sts::123456789012:assumed-role/reader/s1");
    assertThat(emulator.iam(BillingGateHandle.session(session)).listRoles().roles()).isNotEmpty();

    Credentials narrowed = bob.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s2").policy("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"*"}]}""")).credentials();
    IamClient narrow = emulator.iam(BillingGateHandle.session(narrowed));
    assertThat(narrow.getRole(r -> r.roleName("reader")).role().arn()).isEqualTo(roleArn);
    AwsServiceException sessionDenied = denied(narrow::listRoles);
    assertThat(sessionDenied.awsErrorDetails().errorMessage())
        .startsWith("User: arn:aws:sts::123456789012:assumed-role/reader/s2 is not authorized to perform: iam:ListRoles")
        .endsWith("because no session policy allows the iam:ListRoles action");
  }

  @Test
  void temporaryCredentialsExpireOnTime() {
    Credentials session = emulator.sts(ADMIN).getSessionToken(r -> r.durationSeconds(900)).credentials();
    StsClient temporary = emulator.sts(BillingGateHandle.session(session));
    assertThat(temporary.getCallerIdentity().account()).isEqualTo(ACCOUNT);

    // Time passes for client and server alike: sign with the emulator's clock, 16 minutes on.
    emulator.clock().advance(Duration.ofMinutes(16));
    try {
      SignedHttp.Reply reply = new SignedHttp(emulator.endpoint()).send("POST", "/",
          Map.of("Content-Type", "application/x-www-form-urlencoded"), "Action=GetCallerIdentity&Version=2011-06-15",
          "sts", BillingGateHandle.session(session), emulator.clock());
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.body()).contains("<Code>ExpiredToken</Code>", "The security token included in the request is expired");
    } finally {
      emulator.clock().reset();
    }
  }

  @Test
  void unknownAndWrongCredentialsAreRejected() {
    AwsServiceException unknown = denied(() -> emulator.sts(
        AwsBasicCredentials.create("AKIAAAAAAAAAAAAAAAAA", "x".repeat(40))).getCallerIdentity());
    assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
    assertThat(unknown.statusCode()).isEqualTo(403);

    AwsServiceException wrongSecret = denied(() -> emulator.sts(
        AwsBasicCredentials.create(ADMIN.accessKeyId(), "y".repeat(40))).getCallerIdentity());
    assertThat(wrongSecret.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
  }
}
