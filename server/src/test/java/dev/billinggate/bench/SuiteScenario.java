package dev.billinggate.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * One test of the suite benchmark, as a user's test would be written against any emulator: create
 * an organization with five accounts, assume {@code OrganizationAccountAccessRole} into the first,
 * attach an SCP denying {@code iam:ListUsers} to it, then call {@code ListUsers} as that role.
 */
final class SuiteScenario {
  static final int ACCOUNTS = 5;
  private static final String DENY_LIST_USERS = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:ListUsers","Resource":"*"}]}""";

  /** What the member's {@code ListUsers} got once the SCP was attached. */
  enum Outcome { DENIED, ALLOWED }

  private final URI endpoint;
  private final AwsCredentials admin;
  private final SdkHttpClient http;

  /** @param http shared by every client, and not closed here */
  SuiteScenario(URI endpoint, AwsCredentials admin, SdkHttpClient http) {
    this.endpoint = endpoint;
    this.admin = admin;
    this.http = http;
  }

  Outcome run() {
    try (OrganizationsClient organizations = client(OrganizationsClient.builder(), admin, Region.US_EAST_1);
        StsClient sts = client(StsClient.builder(), admin, Region.US_EAST_1)) {
      organizations.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
      String root = organizations.listRoots().roots().get(0).id();
      List<String> accounts = new ArrayList<>();
      for (int i = 1; i <= ACCOUNTS; i++) {
        String name = "member-" + i;
        accounts.add(created(organizations, organizations.createAccount(
            r -> r.accountName(name).email(name + "@example.com")).createAccountStatus()));
      }
      String member = accounts.get(0);
      Credentials role = sts.assumeRole(r -> r
          .roleArn("arn:aws:iam::" + member + ":role/OrganizationAccountAccessRole")
          .roleSessionName("suite")).credentials();

      organizations.enablePolicyType(r -> r.rootId(root).policyType(PolicyType.SERVICE_CONTROL_POLICY));
      String policy = organizations.createPolicy(r -> r.name("deny-list-users").description("suite benchmark")
          .type(PolicyType.SERVICE_CONTROL_POLICY).content(DENY_LIST_USERS)).policy().policySummary().id();
      organizations.attachPolicy(r -> r.policyId(policy).targetId(member));

      AwsSessionCredentials session =
          AwsSessionCredentials.create(role.accessKeyId(), role.secretAccessKey(), role.sessionToken());
      try (IamClient iam = client(IamClient.builder(), session, Region.AWS_GLOBAL)) {
        iam.listUsers();
        return Outcome.ALLOWED;
      } catch (IamException e) {
        if (e.statusCode() == 403 && "AccessDenied".equals(e.awsErrorDetails().errorCode())) {
          return Outcome.DENIED;
        }
        throw e;
      }
    }
  }

  /** The new account's id, once CreateAccount has finished (at once with {@code --create-account-delay 0}). */
  private static String created(OrganizationsClient organizations, CreateAccountStatus status) {
    CreateAccountStatus current = status;
    for (int polls = 0; current.state() == CreateAccountState.IN_PROGRESS; polls++) {
      if (polls > 0) {
        pause();
      }
      String id = current.id();
      current = organizations.describeCreateAccountStatus(r -> r.createAccountRequestId(id)).createAccountStatus();
    }
    if (current.state() != CreateAccountState.SUCCEEDED) {
      throw new IllegalStateException("CreateAccount ended " + current.state() + ": " + current.failureReasonAsString());
    }
    return current.accountId();
  }

  private static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while CreateAccount was in progress", e);
    }
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
