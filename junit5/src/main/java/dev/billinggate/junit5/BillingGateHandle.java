package dev.billinggate.junit5;

import dev.billinggate.app.BillingGate;
import dev.billinggate.app.ServerConfig;
import dev.billinggate.core.MutableClock;
import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.organizations.OrganizationsSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.billing.BillingClient;
import software.amazon.awssdk.services.budgets.BudgetsClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * A billing-gate server running in this JVM, and what a test needs to talk to it: the endpoint, the
 * bootstrap account's credentials, SDK v2 clients pointed at it with retries off (a test sees the
 * first answer), its clock, and {@link #organization() helpers} for the seed stories.
 *
 * <p>The JUnit extension starts and stops it; {@link #start} runs one outside JUnit's lifecycle
 * (e.g. twice on the same {@code --data} directory to test a restart).
 */
public final class BillingGateHandle implements AutoCloseable {
  /** The bootstrap (management) account. */
  public static final String ACCOUNT = "123456789012";
  /** The bootstrap IAM user {@code admin}'s access key (AdministratorAccess). */
  public static final AwsBasicCredentials ADMIN =
      AwsBasicCredentials.create(BillingGate.ADMIN_ACCESS_KEY_ID, BillingGate.ADMIN_SECRET_ACCESS_KEY);
  /** Console password of the bootstrap root user ({@code root@example.com}) in {@link #defaultConfig()}. */
  public static final String ROOT_PASSWORD = "root-Passw0rd!";
  /** Console password of the bootstrap IAM user {@code admin} in {@link #defaultConfig()}. */
  public static final String ADMIN_PASSWORD = "admin-Passw0rd!";

  private final ServerConfig config;
  private final MutableClock clock = new MutableClock();
  private final BillingGate server;
  private final Map<Class<?>, SdkClient> adminClients = new ConcurrentHashMap<>();
  private final Map<String, Duration> snapshotClocks = new ConcurrentHashMap<>();

  private BillingGateHandle(ServerConfig config) {
    this.config = config;
    this.server = BillingGate.start(config, new PrintStream(OutputStream.nullOutputStream()), clock);
  }

  /** In memory, on a free loopback port, with the fixed passwords above and AWS's default settings. */
  public static ServerConfig defaultConfig() {
    return new ServerConfig("127.0.0.1", 0, null, true, ROOT_PASSWORD, ADMIN_PASSWORD,
        OrganizationsSettings.defaults(), BillingAccess.DefaultRule.DOCUMENTED_ALLOW);
  }

  /** {@link #defaultConfig()} but durable in {@code dataDir}, as {@code serve --data dataDir}. */
  public static ServerConfig durableConfig(Path dataDir) {
    ServerConfig memory = defaultConfig();
    return new ServerConfig(memory.host(), memory.port(), dataDir, false, memory.rootPassword(),
        memory.adminPassword(), memory.organizations(), memory.billingAccessDefault());
  }

  /** Starts a server; returns once it accepts requests. Close it when done. */
  public static BillingGateHandle start(ServerConfig config) {
    return new BillingGateHandle(config);
  }

  public static BillingGateHandle start() {
    return start(defaultConfig());
  }

  public URI endpoint() {
    return server.endpoint();
  }

  public ServerConfig config() {
    return config;
  }

  /**
   * The server's clock: real time plus an offset. Advancing it completes CreateAccount requests,
   * expires sessions and moves cost data without waiting.
   */
  public MutableClock clock() {
    return clock;
  }

  /** The server in-process, for what has no AWS API (e.g. giving a member's root user credentials). */
  public BillingGate server() {
    return server;
  }

  /** Organizations, accounts and root access as the seed stories set them up. */
  public OrganizationFixture organization() {
    return new OrganizationFixture(this);
  }

  /**
   * Activates (or deactivates) IAM user and role access to billing information of {@code accountId}
   * as its root user does on the console's Account page: AWS offers no API for it.
   */
  public void setIamUserAccessToBilling(String accountId, boolean activated) {
    server.setIamUserAccessToBilling(accountId, activated);
  }

  /**
   * Back to the first-start state (bootstrap account, users and passwords), in process; the clock
   * goes back to real time. The extension calls it before each test.
   */
  public void reset() {
    server.reset();
    clock.reset();
  }

  /** Saves the whole state as {@code name} (replacing one of that name), with the clock's offset. */
  public void saveSnapshot(String name) {
    server.saveSnapshot(name);
    snapshotClocks.put(name, clock.offset());
  }

  /**
   * Makes snapshot {@code name} the whole state and puts the clock back where it was when it was
   * saved (real time for snapshots saved elsewhere).
   *
   * @throws java.util.NoSuchElementException if there is no such snapshot
   */
  public void restoreSnapshot(String name) {
    server.restoreSnapshot(name);
    clock.setOffset(snapshotClocks.getOrDefault(name, Duration.ZERO));
  }

  public IamClient iam() {
    return admin(IamClient.class, this::iam);
  }

  public StsClient sts() {
    return admin(StsClient.class, this::sts);
  }

  public OrganizationsClient organizations() {
    return admin(OrganizationsClient.class, this::organizations);
  }

  public CostExplorerClient costExplorer() {
    return admin(CostExplorerClient.class, this::costExplorer);
  }

  public BillingClient billing() {
    return admin(BillingClient.class, this::billing);
  }

  public AccountClient account() {
    return admin(AccountClient.class, this::account);
  }

  public BudgetsClient budgets() {
    return admin(BudgetsClient.class, this::budgets);
  }

  public SqsClient sqs() {
    return admin(SqsClient.class, this::sqs);
  }

  public S3Client s3() {
    return admin(S3Client.class, this::s3);
  }

  /** S3 in us-east-1; the endpoint is an IP address, so the SDK addresses buckets path-style. */
  public S3Client s3(AwsCredentials credentials) {
    return configure(S3Client.builder(), credentials).region(Region.US_EAST_1).build();
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

  /**
   * Any SDK client builder pointed here with {@code credentials}, retries off and the
   * URL-connection HTTP client (no threads to leak). Override what you need before {@code build()}.
   */
  public <B extends AwsClientBuilder<B, C>, C> B configure(B builder, AwsCredentials credentials) {
    builder.endpointOverride(endpoint())
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .retryStrategy(AwsRetryStrategy.doNotRetry())
            .build());
    if (builder instanceof AwsSyncClientBuilder<?, ?> sync) {
      sync.httpClientBuilder(UrlConnectionHttpClient.builder());
    }
    return builder;
  }

  /** STS's temporary credentials as SDK credentials. */
  public static AwsSessionCredentials session(Credentials c) {
    return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
  }

  private <C extends SdkClient> C admin(Class<C> type, Function<AwsCredentials, C> create) {
    return type.cast(adminClients.computeIfAbsent(type, t -> create.apply(ADMIN)));
  }

  @Override
  public void close() {
    List.copyOf(adminClients.values()).forEach(SdkClient::close);
    server.close();
  }
}
