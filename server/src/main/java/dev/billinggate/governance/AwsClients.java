package dev.billinggate.governance;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/** SDK clients of one run: one HTTP client, the caller's credentials, adaptive retries with jitter. */
public final class AwsClients implements AutoCloseable {
  private final Connection connection;
  private final AwsCredentialsProvider caller;
  private final SdkHttpClient http = UrlConnectionHttpClient.builder()
      .connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(60)).build();
  private final Region region;
  private final OrganizationsClient organizations;
  private final IamClient iam;
  private final StsClient sts;
  private final ApiRateLimiter rateLimiter;

  public AwsClients(Connection connection) {
    this.connection = connection;
    this.rateLimiter = connection.callsPerSecondPerApi() > 0 ? new ApiRateLimiter(connection.callsPerSecondPerApi()) : null;
    this.caller = new CallerCredentials(connection.profile() == null
        ? DefaultCredentialsProvider.builder().build()
        : ProfileCredentialsProvider.create(connection.profile()), connection.profile());
    this.region = connection.region() != null ? Region.of(connection.region()) : defaultRegion();
    this.organizations = configure(OrganizationsClient.builder(), caller).region(Region.US_EAST_1).build();
    this.iam = configure(IamClient.builder(), caller).region(Region.AWS_GLOBAL).build();
    this.sts = configure(StsClient.builder(), caller).region(region).build();
  }

  private static Region defaultRegion() {
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (RuntimeException e) {
      // No Region configured anywhere: AssumeRoot still needs a Regional STS endpoint.
      return Region.US_EAST_1;
    }
  }

  /** The Region regional calls (STS, SQS) go to. */
  public Region region() {
    return region;
  }

  public OrganizationsClient organizations() {
    return organizations;
  }

  public IamClient iam() {
    return iam;
  }

  public StsClient sts() {
    return sts;
  }

  /**
   * billing-gate's own API at the configured endpoint ({@code --endpoint-url}, else {@code aws.endpointUrl}
   * or AWS_ENDPOINT_URL); null when the commands talk to AWS itself.
   */
  public EmulatorBillingProbe emulatorProbe() {
    URI endpoint = connection.endpoint();
    if (endpoint == null) {
      String configured = System.getProperty("aws.endpointUrl", System.getenv("AWS_ENDPOINT_URL"));
      endpoint = configured == null || configured.isBlank() ? null : URI.create(configured);
    }
    return endpoint == null ? null : new EmulatorBillingProbe(http, caller, endpoint);
  }

  /** IAM as a short-lived session (an AssumeRoot session); the caller closes it. */
  public IamClient iamAs(AwsCredentials session) {
    return configure(IamClient.builder(), StaticCredentialsProvider.create(session)).region(Region.AWS_GLOBAL).build();
  }

  /** SQS in the configured Region as a short-lived session (an AssumeRoot session); the caller closes it. */
  public SqsClient sqsAs(AwsCredentials session) {
    return configure(SqsClient.builder(), StaticCredentialsProvider.create(session)).region(region).build();
  }

  /**
   * S3 as a short-lived session (an AssumeRoot session); the caller closes it. Buckets live in many
   * Regions: the client follows S3's redirects to each bucket's own.
   */
  public S3Client s3As(AwsCredentials session) {
    return configure(S3Client.builder(), StaticCredentialsProvider.create(session)).region(region)
        .crossRegionAccessEnabled(true).build();
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(
      B builder, AwsCredentialsProvider credentials) {
    builder.credentialsProvider(credentials)
        .httpClient(http)
        .overrideConfiguration(overrides());
    if (connection.endpoint() != null) {
      builder.endpointOverride(connection.endpoint());
    }
    return builder;
  }

  private ClientOverrideConfiguration overrides() {
    ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder().retryStrategy(retryStrategy())
        .addExecutionInterceptor(new UnreachableEndpoints());
    if (rateLimiter != null) {
      overrides.addExecutionInterceptor(rateLimiter);
    }
    return overrides.build();
  }

  /**
   * Jittered exponential backoff, with a longer base for throttling. The retry quota (circuit breaker)
   * is off: under Organizations throttling at scale it would fail calls instead of pacing them.
   * Adaptive mode adds a client-side rate limiter per client, which slows every later call once AWS
   * has throttled one.
   */
  private RetryStrategy retryStrategy() {
    BackoffStrategy backoff = BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofSeconds(20));
    BackoffStrategy throttled = BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(20));
    if (connection.adaptive()) {
      return AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(connection.maxAttempts())
          .backoffStrategy(backoff).throttlingBackoffStrategy(throttled).build();
    }
    return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(connection.maxAttempts())
        .backoffStrategy(backoff).throttlingBackoffStrategy(throttled).circuitBreakerEnabled(false).build();
  }

  @Override
  public void close() {
    organizations.close();
    iam.close();
    sts.close();
    http.close();
  }
}
