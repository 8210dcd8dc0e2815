package dev.billinggate.testing;

import dev.billinggate.app.BillingGate;
import dev.billinggate.app.ServerConfig;
import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.organizations.OrganizationsSettings;
import dev.billinggate.service.costexplorer.CostApis;
import dev.billinggate.service.iam.IamService;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.billing.BillingClient;
import software.amazon.awssdk.services.budgets.BudgetsClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** billing-gate started in-process on a random port, with SDK clients pointed at it. */
public final class RunningEmulator implements AutoCloseable {
  public static final String ACCOUNT = "123456789012";
  public static final AwsBasicCredentials ADMIN =
      AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

  public final MutableClock clock = new MutableClock();
  private final BillingGate gate;

  private RunningEmulator(ServerConfig config) {
    this.gate = BillingGate.start(config, new PrintStream(OutputStream.nullOutputStream()), clock);
  }

  public static RunningEmulator inMemory() {
    return inMemory(OrganizationsSettings.defaults());
  }

  public static RunningEmulator inMemory(OrganizationsSettings organizations) {
    return new RunningEmulator(new ServerConfig("127.0.0.1", 0, null, true, "root-Passw0rd!", "admin-Passw0rd!",
        organizations, BillingAccess.DefaultRule.DOCUMENTED_ALLOW));
  }

  public static RunningEmulator durable(Path dataDir) {
    return new RunningEmulator(new ServerConfig("127.0.0.1", 0, dataDir, false, "root-Passw0rd!", "admin-Passw0rd!",
        OrganizationsSettings.defaults(), BillingAccess.DefaultRule.DOCUMENTED_ALLOW));
  }

  /** The running server, for its Java API (reset, snapshots). */
  public BillingGate gate() {
    return gate;
  }

  public URI endpoint() {
    return gate.endpoint();
  }

  /** The running IAM service, for set-up that has no API (root credentials of member accounts). */
  public IamService iamService() {
    return gate.iam();
  }

  public IamClient iam(AwsCredentials credentials) {
    return configure(IamClient.builder(), credentials).region(Region.AWS_GLOBAL).build();
  }

  public StsClient sts(AwsCredentials credentials) {
    return configure(StsClient.builder(), credentials).region(Region.US_EAST_1).build();
  }

  public OrganizationsClient organizations(AwsCredentials credentials) {
    return configure(OrganizationsClient.builder(), credentials).region(Region.US_EAST_1).build();
  }

  public CostExplorerClient costExplorer(AwsCredentials credentials) {
    return configure(CostExplorerClient.builder(), credentials).region(Region.US_EAST_1).build();
  }

  public BudgetsClient budgets(AwsCredentials credentials) {
    return configure(BudgetsClient.builder(), credentials).region(Region.US_EAST_1).build();
  }

  public BillingClient billing(AwsCredentials credentials) {
    return configure(BillingClient.builder(), credentials).region(Region.US_EAST_1).build();
  }

  public AccountClient account(AwsCredentials credentials) {
    return configure(AccountClient.builder(), credentials).region(Region.US_EAST_1).build();
  }

  public SqsClient sqs(AwsCredentials credentials) {
    return configure(SqsClient.builder(), credentials).region(Region.US_EAST_1).build();
  }

  /** Cost Explorer enablement, preferences, billing-page figures and cost import of this emulator. */
  public CostApis costs() {
    return gate.costs();
  }

  /** Any SDK client builder, pointed here, with retries off so tests see the first answer. */
  public <B extends AwsClientBuilder<B, C>, C> B configure(B builder, AwsCredentials credentials) {
    builder.endpointOverride(endpoint())
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .retryStrategy(AwsRetryStrategy.doNotRetry())
            .build());
    if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
      sync.httpClientBuilder(UrlConnectionHttpClient.builder());
    }
    return builder;
  }

  public static AwsSessionCredentials session(Credentials c) {
    return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
  }

  @Override
  public void close() {
    gate.close();
  }
}
