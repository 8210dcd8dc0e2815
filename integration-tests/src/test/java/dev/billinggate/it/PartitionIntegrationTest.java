package dev.billinggate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * One endpoint, every partition: a request signed for a region of another partition is served in
 * that partition, with SDK clients built for cn-north-1, us-gov-west-1 and the ISO regions.
 */
@BillingGateTest
class PartitionIntegrationTest {
  private static final String ACCOUNT = BillingGateHandle.ACCOUNT;
  static BillingGateHandle emulator;

  static StsClient sts(Region region, AwsCredentials credentials) {
    return emulator.configure(StsClient.builder(), credentials).region(region).build();
  }

  static IamClient iam(Region region, AwsCredentials credentials) {
    return emulator.configure(IamClient.builder(), credentials).region(region).build();
  }

  @Test
  void theCallersArnCarriesThePartitionOfTheSigningRegion() {
    Map<Region, String> partitions = Map.of(Region.US_EAST_1, "aws", Region.CN_NORTH_1, "aws-cn",
        Region.US_GOV_WEST_1, "aws-us-gov", Region.of("us-iso-east-1"), "aws-iso",
        Region.of("us-isob-east-1"), "aws-iso-b");
    partitions.forEach((region, partition) -> {
      try (StsClient sts = sts(region, BillingGateHandle.ADMIN)) {
        assertThat(sts.getCallerIdentity().arn()).as(region.id())
            .isEqualTo("arn:" + partition + ":iam::" + ACCOUNT + ":user/admin");
      }
    });
  }

  @Test
  void everyArnReturnedIsInTheRequestsPartition() {
    try (IamClient iam = iam(Region.CN_NORTH_1, BillingGateHandle.ADMIN)) {
      assertThat(iam.createUser(r -> r.userName("cn-user")).user().arn())
          .isEqualTo("arn:aws-cn:iam::" + ACCOUNT + ":user/cn-user");
      assertThat(iam.createPolicy(r -> r.policyName("cn-policy").policyDocument("""
          {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser","Resource":"*"}]}"""))
          .policy().arn()).isEqualTo("arn:aws-cn:iam::" + ACCOUNT + ":policy/cn-policy");
      assertThat(iam.listAttachedUserPolicies(r -> r.userName("admin")).attachedPolicies())
          .extracting(AttachedPolicy::policyArn).containsExactly("arn:aws-cn:iam::aws:policy/AdministratorAccess");
      assertThat(iam.getPolicy(r -> r.policyArn("arn:aws-cn:iam::aws:policy/ReadOnlyAccess")).policy().arn())
          .isEqualTo("arn:aws-cn:iam::aws:policy/ReadOnlyAccess");
    }
    try (IamClient iam = iam(Region.US_GOV_WEST_1, BillingGateHandle.ADMIN)) {
      assertThat(iam.getUser(r -> r.userName("cn-user")).user().arn())
          .isEqualTo("arn:aws-us-gov:iam::" + ACCOUNT + ":user/cn-user");
    }
  }

  @Test
  void policiesNamingArnAwsDoNotMatchInAnotherPartition() {
    AwsBasicCredentials key;
    try (IamClient admin = iam(Region.AWS_GLOBAL, BillingGateHandle.ADMIN)) {
      admin.createUser(r -> r.userName("reader"));
      admin.putUserPolicy(r -> r.userName("reader").policyName("self").policyDocument("""
          {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser",
            "Resource":"arn:aws:iam::%s:user/reader"}]}""".formatted(ACCOUNT)));
      var created = admin.createAccessKey(r -> r.userName("reader")).accessKey();
      key = AwsBasicCredentials.create(created.accessKeyId(), created.secretAccessKey());
    }
    try (IamClient aws = iam(Region.AWS_GLOBAL, key); IamClient china = iam(Region.CN_NORTH_1, key)) {
      assertThat(aws.getUser(r -> r.userName("reader")).user().arn())
          .isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/reader");
      assertThatThrownBy(() -> china.getUser(r -> r.userName("reader")))
          .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
              .isEqualTo("User: arn:aws-cn:iam::" + ACCOUNT + ":user/reader is not authorized to perform:"
                  + " iam:GetUser on resource: arn:aws-cn:iam::" + ACCOUNT + ":user/reader because no"
                  + " identity-based policy allows the iam:GetUser action"));
    }
  }

  @Test
  void rolesTrustPrincipalsOfTheirPartitionAndSessionsStayInIt() {
    try (IamClient iam = iam(Region.CN_NORTH_1, BillingGateHandle.ADMIN)) {
      for (String partition : new String[] {"aws", "aws-cn"}) {
        iam.createRole(r -> r.roleName("trusts-" + partition).assumeRolePolicyDocument("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
              "Principal":{"AWS":"arn:%s:iam::%s:root"}}]}""".formatted(partition, ACCOUNT)));
      }
    }
    try (StsClient china = sts(Region.CN_NORTH_1, BillingGateHandle.ADMIN)) {
      assertThatThrownBy(() -> china.assumeRole(r -> r.roleArn("arn:aws-cn:iam::" + ACCOUNT + ":role/trusts-aws")
          .roleSessionName("s1"))).isInstanceOfSatisfying(StsException.class, e ->
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
      var session = china.assumeRole(r -> r.roleArn("arn:aws-cn:iam::" + ACCOUNT + ":role/trusts-aws-cn")
          .roleSessionName("s1"));
      assertThat(session.assumedRoleUser().arn())
          .isEqualTo("arn:aws-cn:sts::" + ACCOUNT + ":assumed-role/trusts-aws-cn/s1");

      var credentials = BillingGateHandle.session(session.credentials());
      try (StsClient inChina = sts(Region.CN_NORTH_1, credentials);
          StsClient elsewhere = sts(Region.US_EAST_1, credentials)) {
        assertThat(inChina.getCallerIdentity().arn()).isEqualTo(session.assumedRoleUser().arn());
        assertThatThrownBy(elsewhere::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e ->
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
      }
    }
  }
}
