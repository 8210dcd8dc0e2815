package dev.billinggate.it;

import static dev.billinggate.it.OrganizationRootAccess.failure;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.junit5.OrganizationFixture;
import dev.billinggate.testing.SignedHttp;
import dev.billinggate.testing.SignedHttp.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/**
 * Unsigned S3 requests are the anonymous principal: the bucket policy decides, with {@code *} as the
 * only principal naming it; Block Public Access's RestrictPublicBuckets and RCPs still apply, SCPs do
 * not; denials are S3's {@code AccessDenied} "Access Denied".
 */
@BillingGateTest
class S3AnonymousIntegrationTest {
  static BillingGateHandle emulator;
  S3Client owner;
  S3Client anonymous;

  /** Everyone may read the bucket's public/ prefix. */
  private static final String PUBLIC_READ = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
       "Resource":"arn:aws:s3:::open-data/public/*"}]}""";

  @BeforeEach
  void bucketWithAPublicAndAPrivateObject() {
    owner = emulator.s3(ADMIN);
    anonymous = emulator.configure(S3Client.builder(), ADMIN)
        .credentialsProvider(AnonymousCredentialsProvider.create()).region(Region.US_EAST_1).build();
    owner.createBucket(r -> r.bucket("open-data"));
    Map.of("public/readme.txt", "hello", "private/key.txt", "secret").forEach((key, text) ->
        owner.putObject(r -> r.bucket("open-data").key(key), RequestBody.fromString(text)));
  }

  @Test
  void withoutAPolicyNamingEveryoneAnonymousCallersAreDenied() {
    assertAnonymousDenied(() -> anonymous.getObjectAsBytes(r -> r.bucket("open-data").key("public/readme.txt")));
    assertAnonymousDenied(() -> anonymous.listObjectsV2(r -> r.bucket("open-data")));
    assertAnonymousDenied(() -> anonymous.listBuckets());
    assertAnonymousDenied(() -> anonymous.createBucket(r -> r.bucket("anonymous-bucket")));
    owner.putBucketPolicy(r -> r.bucket("open-data").policy(PUBLIC_READ.replace("\"*\"",
        "{\"AWS\":\"arn:aws:iam::" + BillingGateHandle.ACCOUNT + ":root\"}")));
    assertAnonymousDenied(() -> anonymous.getObjectAsBytes(r -> r.bucket("open-data").key("public/readme.txt")));
  }

  @Test
  void aPublicPolicyGrantsAnonymousCallersWhatItAllowsAndNothingElse() {
    owner.putBucketPolicy(r -> r.bucket("open-data").policy(PUBLIC_READ));
    assertThat(anonymous.getObjectAsBytes(r -> r.bucket("open-data").key("public/readme.txt")).asUtf8String())
        .isEqualTo("hello");
    assertAnonymousDenied(() -> anonymous.getObjectAsBytes(r -> r.bucket("open-data").key("private/key.txt")));
    assertAnonymousDenied(() -> anonymous.listObjectsV2(r -> r.bucket("open-data")));
    assertAnonymousDenied(() -> anonymous.putObject(r -> r.bucket("open-data").key("public/new.txt"),
        RequestBody.fromString("x")));
    assertAnonymousDenied(() -> anonymous.deleteBucketPolicy(r -> r.bucket("open-data")));
    assertThat(owner.getBucketPolicy(r -> r.bucket("open-data")).policy()).isEqualTo(PUBLIC_READ);
  }

  @Test
  void aMissingKeyIsNamedOnlyToCallersThatMayListAndAMissingBucketToEveryone() {
    owner.putBucketPolicy(r -> r.bucket("open-data").policy(PUBLIC_READ));
    assertAnonymousDenied(() -> anonymous.getObjectAsBytes(r -> r.bucket("open-data").key("public/missing.txt")));
    owner.putBucketPolicy(r -> r.bucket("open-data").policy(PUBLIC_READ.replace("]}", """
        ,{"Effect":"Allow","Principal":"*","Action":"s3:ListBucket","Resource":"arn:aws:s3:::open-data"}]}""")));
    AwsServiceException missingKey = failure(() -> anonymous.getObjectAsBytes(r -> r.bucket("open-data")
        .key("public/missing.txt")));
    assertThat(missingKey.statusCode()).isEqualTo(404);
    assertThat(missingKey.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");

    AwsServiceException missingBucket = failure(() -> anonymous.getObjectAsBytes(r -> r.bucket("no-such-data")
        .key("public/readme.txt")));
    assertThat(missingBucket.statusCode()).isEqualTo(404);
    assertThat(missingBucket.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
  }

  @Test
  void bucketPolicyOperationsServeOnlyTheOwnersAccountEvenWhenThePolicyAllowsEveryone() {
    String everything = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*",
         "Resource":["arn:aws:s3:::open-data","arn:aws:s3:::open-data/*"]}]}""";
    owner.putBucketPolicy(r -> r.bucket("open-data").policy(everything));
    for (Runnable call : List.<Runnable>of(
        () -> anonymous.getBucketPolicy(r -> r.bucket("open-data")),
        () -> anonymous.deleteBucketPolicy(r -> r.bucket("open-data")),
        () -> anonymous.putBucketPolicy(r -> r.bucket("open-data").policy(PUBLIC_READ)))) {
      AwsServiceException e = failure(call);
      assertThat(e.statusCode()).isEqualTo(405);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MethodNotAllowed");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified method is not allowed against this resource.");
    }
    assertThat(owner.getBucketPolicy(r -> r.bucket("open-data")).policy()).isEqualTo(everything);
    assertThat(anonymous.getObjectAsBytes(r -> r.bucket("open-data").key("private/key.txt")).asUtf8String())
        .isEqualTo("secret");
  }

  @Test
  void anonymousUploadsThroughThePoliciesOwnTermsLandWhole() {
    owner.putBucketPolicy(r -> r.bucket("open-data").policy("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},
         "Action":["s3:PutObject","s3:ListBucket"],
         "Resource":["arn:aws:s3:::open-data","arn:aws:s3:::open-data/drop/*"]}]}"""));
    anonymous.putObject(r -> r.bucket("open-data").key("drop/report.csv"), RequestBody.fromString("a,b\n1,2\n"));
    assertThat(owner.getObjectAsBytes(r -> r.bucket("open-data").key("drop/report.csv")).asUtf8String())
        .isEqualTo("a,b\n1,2\n");
    assertThat(anonymous.listObjectsV2(r -> r.bucket("open-data").prefix("drop/")).contents())
        .extracting(S3Object::key).containsExactly("drop/report.csv");
    assertAnonymousDenied(() -> anonymous.getObjectAsBytes(r -> r.bucket("open-data").key("drop/report.csv")));
  }

  @Test
  void conditionsSeeTheRequestButNoPrincipalAccount() {
    owner.putBucketPolicy(r -> r.bucket("open-data").policy("""
        {"Version":"2012-10-17","Statement":[
         {"Sid":"FromLoopback","Effect":"Allow","Principal":"*","Action":"s3:GetObject",
          "Resource":"arn:aws:s3:::open-data/public/*","Condition":{"IpAddress":{"aws:SourceIp":"127.0.0.0/8"}}},
         {"Sid":"OnlyMyAccount","Effect":"Allow","Principal":"*","Action":"s3:GetObject",
          "Resource":"arn:aws:s3:::open-data/private/*",
          "Condition":{"StringEquals":{"aws:PrincipalAccount":"%s"}}},
         {"Sid":"AnonymousListing","Effect":"Allow","Principal":"*","Action":"s3:ListBucket",
          "Resource":"arn:aws:s3:::open-data",
          "Condition":{"StringEquals":{"aws:PrincipalType":"Anonymous","aws:userid":"anonymous"},
           "Null":{"aws:PrincipalArn":"true","aws:PrincipalOrgID":"true","aws:PrincipalIsAWSService":"true"}}}]}"""
        .formatted(BillingGateHandle.ACCOUNT)));
    assertThat(anonymous.getObjectAsBytes(r -> r.bucket("open-data").key("public/readme.txt")).asUtf8String())
        .isEqualTo("hello");
    assertAnonymousDenied(() -> anonymous.getObjectAsBytes(r -> r.bucket("open-data").key("private/key.txt")));
    assertThat(anonymous.listObjectsV2(r -> r.bucket("open-data")).keyCount()).isEqualTo(2);

    owner.putBucketPolicy(r -> r.bucket("open-data").policy("""
        {"Version":"2012-10-17","Statement":[
         {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::open-data/*"},
         {"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::open-data/*",
          "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"""));
    assertAnonymousDenied(() -> anonymous.getObjectAsBytes(r -> r.bucket("open-data").key("public/readme.txt")));
  }

  @Test
  void restrictPublicBucketsShutsAnonymousCallersOutAtBucketAndAccountLevel() {
    owner.putBucketPolicy(r -> r.bucket("open-data").policy(PUBLIC_READ));
    owner.putPublicAccessBlock(r -> r.bucket("open-data").publicAccessBlockConfiguration(c -> c
        .restrictPublicBuckets(true)));
    assertAnonymousDenied(() -> anonymous.getObjectAsBytes(r -> r.bucket("open-data").key("public/readme.txt")));
    assertThat(owner.getObjectAsBytes(r -> r.bucket("open-data").key("public/readme.txt")).asUtf8String())
        .isEqualTo("hello");

    owner.deletePublicAccessBlock(r -> r.bucket("open-data"));
    assertThat(anonymous.getObjectAsBytes(r -> r.bucket("open-data").key("public/readme.txt")).asUtf8String())
        .isEqualTo("hello");
    S3ControlClient control = S3ControlPublicAccessBlockIntegrationTest.control(emulator, ADMIN);
    control.putPublicAccessBlock(r -> r.accountId(BillingGateHandle.ACCOUNT)
        .publicAccessBlockConfiguration(c -> c.restrictPublicBuckets(true)));
    assertAnonymousDenied(() -> anonymous.getObjectAsBytes(r -> r.bucket("open-data").key("public/readme.txt")));
  }

  @Test
  void rcpsGuardAMemberAccountsBucketsFromAnonymousCallersAndScpsDoNot() {
    OrganizationFixture org = emulator.organization();
    var organizations = emulator.organizations();
    organizations.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    String member = org.createAccount("Publisher", IAMUserAccessToBilling.ALLOW);
    S3Client memberAdmin = emulator.s3(org.assumeOrganizationAccountAccessRole(member));
    memberAdmin.createBucket(r -> r.bucket("member-site"));
    memberAdmin.putObject(r -> r.bucket("member-site").key("index.html"), RequestBody.fromString("<h1>hi</h1>"));
    memberAdmin.putBucketPolicy(r -> r.bucket("member-site").policy("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
         "Resource":"arn:aws:s3:::member-site/*"}]}"""));
    String rootId = organizations.listRoots().roots().get(0).id();
    organizations.enablePolicyType(r -> r.rootId(rootId).policyType(PolicyType.SERVICE_CONTROL_POLICY));
    String scp = organizations.createPolicy(r -> r.name("deny-s3").description("test")
        .type(PolicyType.SERVICE_CONTROL_POLICY).content("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}"""))
        .policy().policySummary().id();
    organizations.attachPolicy(r -> r.policyId(scp).targetId(member));
    assertThat(anonymous.getObjectAsBytes(r -> r.bucket("member-site").key("index.html")).asUtf8String())
        .isEqualTo("<h1>hi</h1>");

    organizations.enablePolicyType(r -> r.rootId(rootId).policyType(PolicyType.RESOURCE_CONTROL_POLICY));
    String rcp = organizations.createPolicy(r -> r.name("tls-only").description("test")
        .type(PolicyType.RESOURCE_CONTROL_POLICY).content("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*",
             "Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}}]}"""))
        .policy().policySummary().id();
    organizations.attachPolicy(r -> r.policyId(rcp).targetId(member));
    assertAnonymousDenied(() -> anonymous.getObjectAsBytes(r -> r.bucket("member-site").key("index.html")));
  }

  @Test
  void unsignedRequestsGetS3sXmlAndOtherServicesKeepRefusingThem() {
    SignedHttp http = new SignedHttp(emulator.endpoint());
    Reply listing = http.send("GET", emulator.endpoint().resolve("/"), Map.of(), new byte[0]);
    assertThat(listing.status()).isEqualTo(403);
    assertThat(listing.headers().get("content-type")).containsExactly("application/xml");
    assertThat(listing.body()).contains("<Error><Code>AccessDenied</Code><Message>Access Denied</Message>");
    assertThat(listing.headers()).containsKey("x-amz-request-id");

    owner.putBucketPolicy(r -> r.bucket("open-data").policy(PUBLIC_READ));
    Reply object = http.send("GET", emulator.endpoint().resolve("/open-data/public/readme.txt"), Map.of(),
        new byte[0]);
    assertThat(object.status()).isEqualTo(200);
    assertThat(object.body()).isEqualTo("hello");
    Reply mismatch = http.send("PUT", emulator.endpoint().resolve("/open-data/public/x.txt"),
        Map.of("x-amz-content-sha256", List.of("0".repeat(64))), "x".getBytes());
    assertThat(mismatch.body()).contains("<Code>XAmzContentSHA256Mismatch</Code>");

    Reply malformed = http.send("GET", emulator.endpoint().resolve("/open-data/public/readme.txt"),
        Map.of("Authorization", List.of("AWS4-HMAC-SHA256 Credential=x")), new byte[0]);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body()).startsWith("<?xml").doesNotContain("hello");

    Reply account = http.send("POST", emulator.endpoint().resolve("/getContactInformation"),
        Map.of("Content-Type", List.of("application/json")), "{}".getBytes());
    assertThat(account.status()).isEqualTo(403);
    assertThat(account.body()).contains("MissingAuthenticationToken").doesNotContain("<Error>");
    Reply organizations = http.send("POST", emulator.endpoint().resolve("/"),
        Map.of("Content-Type", List.of("application/x-amz-json-1.1"),
            "X-Amz-Target", List.of("AWSOrganizationsV20161128.DescribeOrganization")), "{}".getBytes());
    assertThat(organizations.status()).isEqualTo(403);
    assertThat(organizations.body()).contains("MissingAuthenticationToken");
  }

  private static void assertAnonymousDenied(Runnable call) {
    AwsServiceException e = failure(call);
    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Access Denied");
  }
}
