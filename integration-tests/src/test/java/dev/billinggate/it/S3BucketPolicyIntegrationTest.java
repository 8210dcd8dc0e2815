package dev.billinggate.it;

import static dev.billinggate.it.OrganizationRootAccess.assertDenied;
import static dev.billinggate.it.OrganizationRootAccess.failure;
import static dev.billinggate.junit5.BillingGateHandle.ACCOUNT;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import dev.billinggate.junit5.OrganizationFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Bucket policies as AWS validates and enforces them: MalformedPolicy texts and the 20 KB limit,
 * cross-account access that needs both sides, conditions on aws:SecureTransport, aws:PrincipalOrgID
 * and s3:prefix; Block Public Access; default encryption.
 */
@BillingGateTest
class S3BucketPolicyIntegrationTest {
  static BillingGateHandle emulator;
  S3Client s3;
  OrganizationFixture org;
  String orgId;
  String member;
  S3Client memberAdmin;

  @BeforeEach
  void bucketAndMember() {
    s3 = emulator.s3(ADMIN);
    s3.createBucket(r -> r.bucket("shared-data"));
    s3.putObject(r -> r.bucket("shared-data").key("public/readme.txt"), RequestBody.fromString("hello"));
    s3.putObject(r -> r.bucket("shared-data").key("private/key.txt"), RequestBody.fromString("secret"));
    org = emulator.organization();
    orgId = emulator.organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL))
        .organization().id();
    member = org.createAccount("Analytics", IAMUserAccessToBilling.ALLOW);
    memberAdmin = emulator.s3(org.assumeOrganizationAccountAccessRole(member));
  }

  @Test
  void malformedPoliciesAreRefusedWithS3sTexts() {
    assertMalformed("not json", "Policies must be valid JSON and the first byte must be '{'");
    assertMalformed("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
         "Resource":"arn:aws:s3:::shared-data/*"}]}""", "Missing required field Principal");
    assertMalformed("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
         "Resource":"arn:aws:s3:::another-bucket/*"}]}""", "Policy has invalid resource");
    assertMalformed("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"not-an-arn"},
         "Action":"s3:GetObject","Resource":"arn:aws:s3:::shared-data/*"}]}""", "Invalid principal in policy");
    StringBuilder statements = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      statements.append(i == 0 ? "" : ",").append("{\"Sid\":\"S").append(i)
          .append("\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",")
          .append("\"Resource\":\"arn:aws:s3:::shared-data/folder-").append(i).append("/*\"}");
    }
    assertMalformed("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}",
        "Policy exceeds the maximum allowed document size.");
    AwsServiceException none = failure(() -> s3.getBucketPolicy(r -> r.bucket("shared-data")));
    assertThat(none.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy");
    assertThat(none.statusCode()).isEqualTo(404);
  }

  @Test
  void denialsGiveTheirReasonsOnlyWithinTheOwnersOrganization() {
    AwsServiceException inside =
        failure(() -> memberAdmin.getObjectAsBytes(r -> r.bucket("shared-data").key("public/readme.txt")));
    assertThat(inside.awsErrorDetails().errorMessage())
        .startsWith("User: arn:aws:sts::" + member + ":assumed-role/OrganizationAccountAccessRole/")
        .contains("is not authorized to perform: s3:GetObject");

    emulator.organizations().removeAccountFromOrganization(r -> r.accountId(member));

    AwsServiceException outside =
        failure(() -> memberAdmin.getObjectAsBytes(r -> r.bucket("shared-data").key("public/readme.txt")));
    assertThat(outside.statusCode()).isEqualTo(403);
    assertThat(outside.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(outside.awsErrorDetails().errorMessage()).isEqualTo("Access Denied");
  }

  @Test
  void crossAccountAccessNeedsTheBucketPolicyAndItsConditions() {
    assertDenied(() -> memberAdmin.getObjectAsBytes(r -> r.bucket("shared-data").key("public/readme.txt")));
    s3.putBucketPolicy(r -> r.bucket("shared-data").policy("""
        {"Version":"2012-10-17","Statement":[
         {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"s3:GetObject",
          "Resource":"arn:aws:s3:::shared-data/public/*"},
         {"Effect":"Allow","Principal":"*","Action":"s3:ListBucket","Resource":"arn:aws:s3:::shared-data",
          "Condition":{"StringEquals":{"aws:PrincipalOrgID":"%s"},"StringLike":{"s3:prefix":"public/*"}}}]}"""
        .formatted(member, orgId)));
    assertThat(memberAdmin.getObjectAsBytes(r -> r.bucket("shared-data").key("public/readme.txt")).asUtf8String())
        .isEqualTo("hello");
    assertDenied(() -> memberAdmin.getObjectAsBytes(r -> r.bucket("shared-data").key("private/key.txt")));
    assertThat(memberAdmin.listObjectsV2(r -> r.bucket("shared-data").prefix("public/")).contents())
        .extracting(o -> o.key()).containsExactly("public/readme.txt");
    assertDenied(() -> memberAdmin.listObjectsV2(r -> r.bucket("shared-data").prefix("private/")));
    assertDenied(() -> memberAdmin.listObjectsV2(r -> r.bucket("shared-data")));
  }

  @Test
  void aSecureTransportDenyStopsPlainHttpRequestsIncludingTheOwners() {
    s3.putBucketPolicy(r -> r.bucket("shared-data").policy("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:GetObject",
         "Resource":"arn:aws:s3:::shared-data/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"""));
    assertDenied(() -> s3.getObjectAsBytes(r -> r.bucket("shared-data").key("public/readme.txt")));
    assertThat(s3.listObjectsV2(r -> r.bucket("shared-data")).keyCount()).isEqualTo(2);
  }

  @Test
  void blockPublicPolicyRefusesPublicPoliciesButNotNarrowedOnes() {
    s3.putPublicAccessBlock(r -> r.bucket("shared-data").publicAccessBlockConfiguration(c -> c
        .blockPublicPolicy(true).restrictPublicBuckets(true).blockPublicAcls(true).ignorePublicAcls(true)));
    assertThat(s3.getPublicAccessBlock(r -> r.bucket("shared-data")).publicAccessBlockConfiguration().blockPublicPolicy())
        .isTrue();
    String everyone = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
         "Resource":"arn:aws:s3:::shared-data/*"}]}""";
    AwsServiceException blocked = failure(() -> s3.putBucketPolicy(r -> r.bucket("shared-data").policy(everyone)));
    assertThat(blocked.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(blocked.awsErrorDetails().errorMessage()).contains("BlockPublicPolicy");
    s3.putBucketPolicy(r -> r.bucket("shared-data").policy(everyone.replace("\"Resource\"",
        "\"Condition\":{\"StringEquals\":{\"aws:PrincipalAccount\":\"" + ACCOUNT + "\"}},\"Resource\"")));
    assertThat(s3.getBucketPolicyStatus(r -> r.bucket("shared-data")).policyStatus().isPublic()).isFalse();

    s3.deletePublicAccessBlock(r -> r.bucket("shared-data"));
    assertThat(failure(() -> s3.getPublicAccessBlock(r -> r.bucket("shared-data"))).awsErrorDetails().errorCode())
        .isEqualTo("NoSuchPublicAccessBlockConfiguration");
    s3.putBucketPolicy(r -> r.bucket("shared-data").policy(everyone));
    assertThat(s3.getBucketPolicyStatus(r -> r.bucket("shared-data")).policyStatus().isPublic()).isTrue();
    assertThat(memberAdmin.getObjectAsBytes(r -> r.bucket("shared-data").key("private/key.txt")).asUtf8String())
        .isEqualTo("secret");
    s3.putPublicAccessBlock(r -> r.bucket("shared-data").publicAccessBlockConfiguration(c -> c
        .restrictPublicBuckets(true)));
    assertDenied(() -> memberAdmin.getObjectAsBytes(r -> r.bucket("shared-data").key("private/key.txt")));
  }

  @Test
  void defaultEncryptionIsSseS3UntilConfiguredAndAppliesToNewObjects() {
    var initial = s3.getBucketEncryption(r -> r.bucket("shared-data")).serverSideEncryptionConfiguration().rules();
    assertThat(initial.get(0).applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
    s3.putBucketEncryption(r -> r.bucket("shared-data").serverSideEncryptionConfiguration(c -> c.rules(rule -> rule
        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS).kmsMasterKeyID("alias/data"))
        .bucketKeyEnabled(true))));
    var configured = s3.getBucketEncryption(r -> r.bucket("shared-data")).serverSideEncryptionConfiguration().rules();
    assertThat(configured.get(0).applyServerSideEncryptionByDefault().kmsMasterKeyID()).isEqualTo("alias/data");
    assertThat(configured.get(0).bucketKeyEnabled()).isTrue();
    assertThat(s3.putObject(r -> r.bucket("shared-data").key("new.txt"), RequestBody.fromString("x"))
        .serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    s3.deleteBucketEncryption(r -> r.bucket("shared-data"));
    assertThat(s3.getBucketEncryption(r -> r.bucket("shared-data")).serverSideEncryptionConfiguration().rules().get(0)
        .applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
  }

  private void assertMalformed(String policy, String message) {
    AwsServiceException e = failure(() -> s3.putBucketPolicy(r -> r.bucket("shared-data").policy(policy)));
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicy");
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    assertThat(e.statusCode()).isEqualTo(400);
  }
}
