package dev.billinggate.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * What a test suite does to billing-gate, in miniature: one round builds an organization with
 * accounts, an OU and an SCP, assumes a role into a member, is denied by the SCP, manages IAM users
 * and roles, reads costs, and resets. {@code train} repeats it so that the JVM records the classes
 * and method profiles of the request paths real clients take, through the same SDK and HTTP stack.
 */
final class TrainingWorkload {
  private static final String DENY_LIST_USERS =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"iam:ListUsers\",\"Resource\":\"*\"}]}";
  private static final String TRUST_ACCOUNT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"AWS\":\"arn:aws:iam::%s:root\"},\"Action\":\"sts:AssumeRole\"}]}";

  private final URI endpoint;
  private final AwsCredentials admin;
  private final Runnable reset;
  private final SdkHttpClient http;

  /** @param reset brings the server back to its first-start state */
  TrainingWorkload(URI endpoint, AwsCredentials admin, Runnable reset, SdkHttpClient http) {
    this.endpoint = endpoint;
    this.admin = admin;
    this.reset = reset;
    this.http = http;
  }

  /** One round; the store is back to its first-start state afterwards. */
  void round() {
    try (OrganizationsClient organizations = client(OrganizationsClient.builder(), admin, Region.US_EAST_1);
        StsClient sts = client(StsClient.builder(), admin, Region.US_EAST_1);
        IamClient iam = client(IamClient.builder(), admin, Region.AWS_GLOBAL);
        CostExplorerClient costs = client(CostExplorerClient.builder(), admin, Region.US_EAST_1)) {
      String self = sts.getCallerIdentity().account();
      organizations.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
      String root = organizations.listRoots().roots().get(0).id();
      String ou = organizations.createOrganizationalUnit(r -> r.parentId(root).name("workloads"))
          .organizationalUnit().id();
      List<String> members = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        String name = "member-" + i;
        members.add(created(organizations, organizations.createAccount(
            r -> r.accountName(name).email(name + "@example.com")).createAccountStatus()));
      }
      String member = members.get(0);
      organizations.moveAccount(r -> r.accountId(member).sourceParentId(root).destinationParentId(ou));
      organizations.listAccounts();
      organizations.listChildren(r -> r.parentId(root).childType("ORGANIZATIONAL_UNIT"));
      organizations.enablePolicyType(r -> r.rootId(root).policyType(PolicyType.SERVICE_CONTROL_POLICY));
      String scp = organizations.createPolicy(r -> r.name("deny-list-users").description("training")
          .type(PolicyType.SERVICE_CONTROL_POLICY).content(DENY_LIST_USERS)).policy().policySummary().id();
      organizations.attachPolicy(r -> r.policyId(scp).targetId(ou));

      Credentials role = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + member + ":role/OrganizationAccountAccessRole")
          .roleSessionName("training")).credentials();
      AwsSessionCredentials session =
          AwsSessionCredentials.create(role.accessKeyId(), role.secretAccessKey(), role.sessionToken());
      try (IamClient memberIam = client(IamClient.builder(), session, Region.AWS_GLOBAL)) {
        denied(memberIam::listUsers);
        memberIam.listRoles();
      }

      iam.createUser(r -> r.userName("alice"));
      iam.attachUserPolicy(r -> r.userName("alice").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
      iam.createAccessKey(r -> r.userName("alice"));
      iam.createRole(r -> r.roleName("auditor").assumeRolePolicyDocument(String.format(TRUST_ACCOUNT, self)));
      iam.putRolePolicy(r -> r.roleName("auditor").policyName("inline").policyDocument(DENY_LIST_USERS));
      iam.listUsers();
      iam.listAttachedUserPolicies(r -> r.userName("alice"));
      iam.getRole(r -> r.roleName("auditor"));
      denied(() -> iam.getUser(r -> r.userName("nobody")));

      // Answered "not enabled" until Cost Explorer is turned on in the console: still the CE codec path.
      denied(() -> costs.getCostAndUsage(r -> r.granularity(Granularity.MONTHLY).metrics("UnblendedCost")
          .timePeriod(p -> p.start("2026-01-01").end("2026-02-01"))));
    } finally {
      reset.run();
    }
  }

  private static void denied(Runnable call) {
    try {
      call.run();
    } catch (AwsServiceException expected) {
      // the error path (authorization, AWS's error shapes) is part of what is trained
    }
  }

  private static String created(OrganizationsClient organizations, CreateAccountStatus status) {
    CreateAccountStatus current = status;
    while (current.state() == CreateAccountState.IN_PROGRESS) {
      String id = current.id();
      current = organizations.describeCreateAccountStatus(r -> r.createAccountRequestId(id)).createAccountStatus();
    }
    return current.accountId();
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
      B builder, AwsCredentials credentials, Region region) {
    return builder.endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClient(http)
        .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build())
        .build();
  }
}
