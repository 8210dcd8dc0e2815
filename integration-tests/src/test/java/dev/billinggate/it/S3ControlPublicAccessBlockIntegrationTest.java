package dev.billinggate.it;

import static dev.billinggate.it.OrganizationRootAccess.assertDenied;
import static dev.billinggate.it.OrganizationRootAccess.failure;
import static dev.billinggate.junit5.BillingGateHandle.ACCOUNT;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.junit5.OrganizationFixture;
import dev.billinggate.testing.IamPrincipals;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;

/**
 * Account-level Block Public Access through S3 Control as the SDK sends it (endpoint an IP address),
 * and its effect on the account's buckets together with their own settings.
 */
@BillingGateTest
class S3ControlPublicAccessBlockIntegrationTest {
  private static final String EVERYONE = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
       "Resource":"arn:aws:s3:::ledger/*"}]}""";

  static BillingGateHandle emulator;
  S3ControlClient control;
  S3Client s3;

  @BeforeEach
  void clients() {
    control = control(emulator, ADMIN);
    s3 = emulator.s3(ADMIN);
    s3.createBucket(r -> r.bucket("ledger"));
    s3.putObject(r -> r.bucket("ledger").key("q1.csv"), RequestBody.fromString("total,42"));
  }

  /**
   * The SDK's endpoint rules put the account id in front of the endpoint's host, so the endpoint must be a
   * host name ({@code 123456789012.localhost}) that resolves to the loopback address.
   */
  static S3ControlClient control(BillingGateHandle gate, AwsCredentials credentials) {
    return gate.configure(S3ControlClient.builder(), credentials).region(Region.US_EAST_1)
        .endpointOverride(URI.create("http://localhost:" + gate.endpoint().getPort()))
        .httpClientBuilder(ApacheHttpClient.builder().dnsResolver(host -> new InetAddress[] {
            InetAddress.getLoopbackAddress()}))
        .build();
  }

  @Test
  void putGetDeleteTheAccountsSetting() {
    AwsServiceException none = failure(() -> control.getPublicAccessBlock(r -> r.accountId(ACCOUNT)));
    assertThat(none.awsErrorDetails().errorCode()).isEqualTo("NoSuchPublicAccessBlockConfiguration");
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.awsErrorDetails().errorMessage()).isEqualTo("The public access block configuration was not found");
    assertThat(none.requestId()).isNotBlank();

    control.putPublicAccessBlock(r -> r.accountId(ACCOUNT).publicAccessBlockConfiguration(c -> c
        .blockPublicPolicy(true).ignorePublicAcls(true)));
    assertThat(control.getPublicAccessBlock(r -> r.accountId(ACCOUNT)).publicAccessBlockConfiguration())
        .isEqualTo(PublicAccessBlockConfiguration.builder().blockPublicAcls(false).ignorePublicAcls(true)
            .blockPublicPolicy(true).restrictPublicBuckets(false).build());

    control.deletePublicAccessBlock(r -> r.accountId(ACCOUNT));
    assertThat(failure(() -> control.getPublicAccessBlock(r -> r.accountId(ACCOUNT))).awsErrorDetails().errorCode())
        .isEqualTo("NoSuchPublicAccessBlockConfiguration");
  }

  @Test
  void anotherAccountsSettingIsAccessDenied() {
    assertDenied(() -> control.getPublicAccessBlock(r -> r.accountId("111122223333")));
    assertDenied(() -> control.putPublicAccessBlock(r -> r.accountId("111122223333")
        .publicAccessBlockConfiguration(c -> c.blockPublicPolicy(true))));
    assertDenied(() -> control.deletePublicAccessBlock(r -> r.accountId("111122223333")));
  }

  @Test
  void theSettingIsAuthorizedAsGetAndPutAccountPublicAccessBlock() {
    S3ControlClient reader = control(emulator, IamPrincipals.userWithPolicy(emulator.iam(), "auditor", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetAccountPublicAccessBlock",
         "Resource":"*"}]}"""));
    S3ControlClient writer = control(emulator, IamPrincipals.userWithPolicy(emulator.iam(), "guard", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutAccountPublicAccessBlock",
         "Resource":"*"}]}"""));
    assertDenied(() -> reader.putPublicAccessBlock(r -> r.accountId(ACCOUNT)
        .publicAccessBlockConfiguration(c -> c.blockPublicPolicy(true))));
    writer.putPublicAccessBlock(r -> r.accountId(ACCOUNT).publicAccessBlockConfiguration(c -> c.blockPublicPolicy(true)));
    assertDenied(() -> writer.getPublicAccessBlock(r -> r.accountId(ACCOUNT)));
    assertThat(reader.getPublicAccessBlock(r -> r.accountId(ACCOUNT)).publicAccessBlockConfiguration().blockPublicPolicy())
        .isTrue();
    assertDenied(() -> reader.deletePublicAccessBlock(r -> r.accountId(ACCOUNT)));
    writer.deletePublicAccessBlock(r -> r.accountId(ACCOUNT));
  }

  @Test
  void theSettingIsDurableAndFollowsSnapshotsAndResets(@TempDir Path data) {
    try (BillingGateHandle first = BillingGateHandle.start(BillingGateHandle.durableConfig(data))) {
      control(first, ADMIN).putPublicAccessBlock(r -> r.accountId(ACCOUNT)
          .publicAccessBlockConfiguration(c -> c.restrictPublicBuckets(true)));
    }
    try (BillingGateHandle second = BillingGateHandle.start(BillingGateHandle.durableConfig(data))) {
      S3ControlClient restarted = control(second, ADMIN);
      assertThat(restarted.getPublicAccessBlock(r -> r.accountId(ACCOUNT)).publicAccessBlockConfiguration()
          .restrictPublicBuckets()).isTrue();
      second.saveSnapshot("with-block");
      second.reset();
      assertThat(failure(() -> restarted.getPublicAccessBlock(r -> r.accountId(ACCOUNT))).statusCode()).isEqualTo(404);
      second.restoreSnapshot("with-block");
      assertThat(restarted.getPublicAccessBlock(r -> r.accountId(ACCOUNT)).publicAccessBlockConfiguration()
          .restrictPublicBuckets()).isTrue();
    }
  }

  @Test
  void theAccountsBlockPublicPolicyRefusesAPublicBucketPolicyWithoutABucketSetting() {
    control.putPublicAccessBlock(r -> r.accountId(ACCOUNT).publicAccessBlockConfiguration(c -> c
        .blockPublicPolicy(true)));
    AwsServiceException blocked = failure(() -> s3.putBucketPolicy(r -> r.bucket("ledger").policy(EVERYONE)));
    assertThat(blocked.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(blocked.awsErrorDetails().errorMessage()).contains("BlockPublicPolicy");
    assertThat(failure(() -> s3.getPublicAccessBlock(r -> r.bucket("ledger"))).awsErrorDetails().errorCode())
        .isEqualTo("NoSuchPublicAccessBlockConfiguration"); // the bucket's own setting stays unset

    control.deletePublicAccessBlock(r -> r.accountId(ACCOUNT));
    s3.putBucketPolicy(r -> r.bucket("ledger").policy(EVERYONE));
  }

  @Test
  void theAccountsRestrictPublicBucketsLimitsAPublicPolicyToTheOwnerAccount() {
    OrganizationFixture org = emulator.organization();
    emulator.organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    String member = org.createAccount("Analytics", IAMUserAccessToBilling.ALLOW);
    S3Client memberAdmin = emulator.s3(org.assumeOrganizationAccountAccessRole(member));
    s3.putBucketPolicy(r -> r.bucket("ledger").policy(EVERYONE));
    assertThat(memberAdmin.getObjectAsBytes(r -> r.bucket("ledger").key("q1.csv")).asUtf8String()).isEqualTo("total,42");

    control.putPublicAccessBlock(r -> r.accountId(ACCOUNT).publicAccessBlockConfiguration(c -> c
        .restrictPublicBuckets(true)));
    assertDenied(() -> memberAdmin.getObjectAsBytes(r -> r.bucket("ledger").key("q1.csv")));
    assertThat(s3.getObjectAsBytes(r -> r.bucket("ledger").key("q1.csv")).asUtf8String()).isEqualTo("total,42");
  }
}
