package dev.billinggate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billinggate.federation.Jwks;
import dev.billinggate.federation.Jwt;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.testing.SignedHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Federation through real clients: the built-in test identity provider over HTTP, and STS's
 * AssumeRoleWithWebIdentity / AssumeRoleWithSAML, which AWS serves unsigned.
 */
@BillingGateTest
class FederationIntegrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static BillingGateHandle emulator;
  static SignedHttp http;

  @BeforeAll
  static void start() {
    http = new SignedHttp(emulator.endpoint());
  }

  static StsClient anonymousSts() {
    return emulator.configure(StsClient.builder(), BillingGateHandle.ADMIN)
        .credentialsProvider(AnonymousCredentialsProvider.create()).region(Region.US_EAST_1).build();
  }

  static SignedHttp.Reply post(String path, String body, AwsCredentials credentials) {
    return http.send("POST", path, Map.of("content-type", "application/json"), body, "billing", credentials,
        emulator.clock());
  }

  static String mint(String body) throws Exception {
    SignedHttp.Reply reply = post("/_billing-gate/v1/idp/oidc/token", body, BillingGateHandle.ADMIN);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return JSON.readTree(reply.body()).get("idToken").asText();
  }

  @Test
  void theIssuerPublishesDiscoveryAndKeysWithoutSignatureAndTheTokensVerifyAgainstThem() throws Exception {
    var discovery = http.send("GET",
        emulator.endpoint().resolve("/_billing-gate/v1/idp/oidc/.well-known/openid-configuration"), Map.of(),
        new byte[0]);
    assertThat(discovery.status()).isEqualTo(200);
    JsonNode document = JSON.readTree(discovery.body());
    assertThat(document.get("issuer").asText()).isEqualTo("https://oidc.billing-gate.localhost");
    assertThat(document.get("jwks_uri").asText()).isEqualTo(emulator.endpoint() + "/_billing-gate/v1/idp/oidc/jwks");

    var jwks = http.send("GET", emulator.endpoint().resolve("/_billing-gate/v1/idp/oidc/jwks"), Map.of(), new byte[0]);
    Jwt token = Jwt.parse(mint("{\"subject\":\"repo:acme/app:ref:refs/heads/main\",\"claims\":{\"amr\":[\"ci\"]}}"))
        .orElseThrow();
    assertThat(token.verifiedBy(Jwks.rsaKeys(JSON.readTree(jwks.body())).get(token.keyId()))).isTrue();
    assertThat(token.text("iss")).isEqualTo("https://oidc.billing-gate.localhost");
    assertThat(token.text("sub")).isEqualTo("repo:acme/app:ref:refs/heads/main");
    assertThat(token.text("aud")).isEqualTo("sts.amazonaws.com");
    assertThat(token.texts("amr")).containsExactly("ci");
    assertThat(token.seconds("exp") - token.seconds("iat")).isEqualTo(3600);

    var metadata = http.send("GET", emulator.endpoint().resolve("/_billing-gate/v1/idp/saml/metadata"), Map.of(),
        new byte[0]);
    assertThat(metadata.status()).isEqualTo(200);
    assertThat(metadata.body()).contains("entityID=\"https://saml.billing-gate.localhost/idp\"")
        .contains("<ds:X509Certificate>");
  }

  @Test
  void mintingIsBillingGatesOwnApiSignedAndAuthorized() {
    var unsigned = http.send("POST", emulator.endpoint().resolve("/_billing-gate/v1/idp/oidc/token"),
        Map.of("content-type", List.of("application/json")), "{\"subject\":\"x\"}".getBytes());
    assertThat(unsigned.status()).isEqualTo(403);
    assertThat(unsigned.body()).contains("MissingAuthenticationTokenException");

    var iam = emulator.iam(BillingGateHandle.ADMIN);
    iam.createUser(CreateUserRequest.builder().userName("no-rights").build());
    var key = iam.createAccessKey(CreateAccessKeyRequest.builder().userName("no-rights").build()).accessKey();
    var denied = post("/_billing-gate/v1/idp/saml/response", "{\"subject\":\"x\",\"roles\":[\"a,b\"]}",
        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.body()).contains("AccessDeniedException").contains("billing-gate:IssueSamlAssertion");

    var invalid = post("/_billing-gate/v1/idp/oidc/token", "{\"audience\":\"x\"}", BillingGateHandle.ADMIN);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body()).contains("ValidationException").contains("subject is required.");
  }

  @Test
  void assumeRoleWithWebIdentityIsServedUnsignedAndOtherOperationsAreNot() throws Exception {
    String token = mint("{\"subject\":\"alice\"}");
    try (StsClient sts = anonymousSts()) {
      assertThatThrownBy(() -> sts.assumeRoleWithWebIdentity(AssumeRoleWithWebIdentityRequest.builder()
          .roleArn("arn:aws:iam::210987654321:role/ci").roleSessionName("ci-run").webIdentityToken(token).build()))
          .isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("No OpenIDConnect provider found in your account for https://oidc.billing-gate.localhost");
          });
      assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e ->
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingAuthenticationToken"));
    }
  }

  private static final String ISSUER_HOST = "oidc.billing-gate.localhost";
  private static final String PROVIDER_ARN = "arn:aws:iam::123456789012:oidc-provider/" + ISSUER_HOST;
  private static final String CI_ROLE = "arn:aws:iam::123456789012:role/ci-deploy";

  /** The role a CI pipeline assumes, trusted as GitHub Actions' OIDC roles are: provider, audience, repository. */
  static void createCiRole() {
    var iam = emulator.iam(BillingGateHandle.ADMIN);
    if (!iam.listOpenIDConnectProviders().openIDConnectProviderList().isEmpty()) {
      return;
    }
    iam.createOpenIDConnectProvider(r -> r.url("https://" + ISSUER_HOST).clientIDList("sts.amazonaws.com"));
    iam.createRole(r -> r.roleName("ci-deploy").assumeRolePolicyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
          "Principal":{"Federated":"%s"},
          "Action":"sts:AssumeRoleWithWebIdentity",
          "Condition":{"StringEquals":{"%s:aud":"sts.amazonaws.com"},
                       "StringLike":{"%s:sub":"repo:acme/app:*"}}}]}""".formatted(PROVIDER_ARN, ISSUER_HOST,
        ISSUER_HOST)));
    iam.putRolePolicy(r -> r.roleName("ci-deploy").policyName("list-roles").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListRoles","Resource":"*"}]}"""));
  }

  static AssumeRoleWithWebIdentityRequest.Builder ciRequest(String token) {
    return AssumeRoleWithWebIdentityRequest.builder().roleArn(CI_ROLE).roleSessionName("github-run-42")
        .webIdentityToken(token);
  }

  static void assertStsError(Runnable call, String code, int status, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StsException.class, e -> {
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
      assertThat(e.statusCode()).isEqualTo(status);
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    });
  }

  @Test
  void aCiPipelineAssumesItsRoleWithAnOidcTokenAsGithubActionsDoes() throws Exception {
    createCiRole();
    String token = mint("{\"subject\":\"repo:acme/app:ref:refs/heads/main\",\"audience\":\"sts.amazonaws.com\"}");
    try (StsClient sts = anonymousSts()) {
      var response = sts.assumeRoleWithWebIdentity(ciRequest(token).build());

      assertThat(response.subjectFromWebIdentityToken()).isEqualTo("repo:acme/app:ref:refs/heads/main");
      assertThat(response.audience()).isEqualTo("sts.amazonaws.com");
      assertThat(response.provider()).isEqualTo(PROVIDER_ARN);
      assertThat(response.assumedRoleUser().arn())
          .isEqualTo("arn:aws:sts::123456789012:assumed-role/ci-deploy/github-run-42");
      assertThat(response.assumedRoleUser().assumedRoleId()).matches("AROA[A-Z0-9]{17}:github-run-42");
      assertThat(response.credentials().accessKeyId()).startsWith("ASIA");

      var session = BillingGateHandle.session(response.credentials());
      assertThat(emulator.sts(session).getCallerIdentity().arn()).isEqualTo(response.assumedRoleUser().arn());
      assertThat(emulator.iam(session).listRoles().roles()).extracting(r -> r.roleName()).contains("ci-deploy");
      assertThatThrownBy(() -> emulator.iam(session).listUsers())
          .hasMessageContaining("is not authorized to perform: iam:ListUsers");
    }
  }

  @Test
  void theTrustPolicysConditionsOnSubAndAudDecide() throws Exception {
    createCiRole();
    String fork = mint("{\"subject\":\"repo:mallory/app:ref:refs/heads/main\"}");
    try (StsClient sts = anonymousSts()) {
      assertStsError(() -> sts.assumeRoleWithWebIdentity(ciRequest(fork).build()), "AccessDenied", 403,
          "Not authorized to perform sts:AssumeRoleWithWebIdentity");
    }
  }

  @Test
  void tokensAreCheckedForAudienceExpiryAndSignature() throws Exception {
    createCiRole();
    String otherAudience = mint("{\"subject\":\"repo:acme/app:ref:refs/heads/main\",\"audience\":\"my-app\"}");
    String expired = mint("{\"subject\":\"repo:acme/app:ref:refs/heads/main\",\"expiresIn\":-10}");
    String genuine = mint("{\"subject\":\"repo:acme/app:ref:refs/heads/main\"}");
    String forged = genuine.substring(0, genuine.lastIndexOf('.') + 1) + "AAAA";
    try (StsClient sts = anonymousSts()) {
      assertStsError(() -> sts.assumeRoleWithWebIdentity(ciRequest(otherAudience).build()), "InvalidIdentityToken",
          400, "Incorrect token audience");
      assertThatThrownBy(() -> sts.assumeRoleWithWebIdentity(ciRequest(expired).build()))
          .isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
            assertThat(e.awsErrorDetails().errorMessage()).matches(
                "Token expired: current date/time \\d+ must be before the expiration date/time \\d+");
          });
      assertStsError(() -> sts.assumeRoleWithWebIdentity(ciRequest(forged).build()), "InvalidIdentityToken", 400,
          "The web identity token that was passed could not be validated by AWS. Get a new identity token from the"
              + " identity provider and then retry the request.");
    }
  }

  @Test
  void aSessionPolicyNarrowsTheFederatedSession() throws Exception {
    createCiRole();
    String token = mint("{\"subject\":\"repo:acme/app:ref:refs/heads/release\"}");
    try (StsClient sts = anonymousSts()) {
      var response = sts.assumeRoleWithWebIdentity(ciRequest(token).policy("""
          {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser","Resource":"*"}]}""")
          .durationSeconds(900).build());
      assertThat(response.packedPolicySize()).isPositive();
      var session = BillingGateHandle.session(response.credentials());
      assertThatThrownBy(() -> emulator.iam(session).listRoles())
          .hasMessageContaining("is not authorized to perform: iam:ListRoles");
    }
  }
}
