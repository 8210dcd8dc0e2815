package dev.billinggate.auth.sigv4;

import static dev.billinggate.auth.sigv4.TestCredentials.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpRequest;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.gateway.http.HttpServerConfig;
import dev.billinggate.gateway.http.NettyHttpServer;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Real SDK clients against the real server with the verifier in front: whatever the SDK's
 * marshallers and signer put on the wire must verify, and our error codes must reach the caller.
 */
class SdkClientSignatureTest {
  private static final List<VerifiedRequest> VERIFIED = new CopyOnWriteArrayList<>();
  private static NettyHttpServer server;

  @BeforeAll
  static void start() throws InterruptedException {
    // The SDK signs with the real time, so the verifier uses it too.
    SigV4Verifier verifier = new SigV4Verifier(lookupAt(Instant.now()), Clock.systemUTC());
    server = NettyHttpServer.start(HttpServerConfig.loopback(0), request -> answer(verifier, request));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse answer(SigV4Verifier verifier, HttpRequest request) {
    boolean json = request.header("x-amz-target") != null;
    ServiceId service = json ? ServiceId.ORGANIZATIONS
        : new String(request.body()).contains("2010-05-08") ? ServiceId.IAM : ServiceId.STS;
    try {
      VERIFIED.add(verifier.verify(request, service));
    } catch (AwsException e) {
      return json
          ? HttpResponse.of(e.code().httpStatus(), "application/x-amz-json-1.1",
              "{\"__type\":\"" + e.code().code() + "\",\"message\":\"" + e.getMessage() + "\"}")
          : HttpResponse.of(e.code().httpStatus(), "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>"
              + e.code().code() + "</Code><Message>" + e.getMessage() + "</Message></Error><RequestId>r</RequestId></ErrorResponse>");
    }
    return switch (service) {
      case STS -> HttpResponse.of(200, "text/xml", "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>"
          + USER.arn() + "</Arn><UserId>" + USER.userId() + "</UserId><Account>" + USER.accountId()
          + "</Account></GetCallerIdentityResult></GetCallerIdentityResponse>");
      case IAM -> HttpResponse.of(200, "text/xml",
          "<ListUsersResponse><ListUsersResult><Users/><IsTruncated>false</IsTruncated></ListUsersResult></ListUsersResponse>");
      default -> HttpResponse.of(200, "application/x-amz-json-1.1", "{}");
    };
  }

  private static URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  @Test
  void stsClientWithLongTermKey() {
    try (StsClient sts = StsClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(USER_KEY, USER_SECRET)))
        .build()) {
      assertThat(sts.getCallerIdentity().arn()).isEqualTo(USER.arn());
    }
  }

  @Test
  void stsClientWithSessionCredentials() {
    VERIFIED.clear();
    try (StsClient sts = StsClient.builder().endpointOverride(endpoint()).region(Region.EU_WEST_1)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsSessionCredentials.create(SESSION_KEY, SESSION_SECRET, SESSION_TOKEN)))
        .build()) {
      sts.getCallerIdentity();
    }
    assertThat(VERIFIED).singleElement().satisfies(v -> {
      assertThat(v.accessKeyId()).isEqualTo(SESSION_KEY);
      assertThat(v.scope().region()).isEqualTo("eu-west-1");
    });
  }

  /** With an endpoint override the SDK signs {@code Region.AWS_GLOBAL} IAM clients for 'aws-global'; accepted. */
  @Test
  void iamAndOrganizationsClients() {
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(USER_KEY, USER_SECRET));
    try (IamClient iam = IamClient.builder().endpointOverride(endpoint()).region(Region.AWS_GLOBAL)
            .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials).build();
        OrganizationsClient organizations = OrganizationsClient.builder().endpointOverride(endpoint())
            .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials).build()) {
      assertThat(iam.listUsers(r -> r.pathPrefix("/a b/ü/")).users()).isEmpty();
      organizations.describeOrganization();
    }
  }

  @Test
  void wrongSecretReachesTheClientAsSignatureDoesNotMatch() {
    try (StsClient sts = StsClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(USER_KEY, "wrong")))
        .build()) {
      assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.statusCode()).isEqualTo(403);
      });
    }
  }
}
