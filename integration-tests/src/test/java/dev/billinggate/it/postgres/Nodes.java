package dev.billinggate.it.postgres;

import dev.billinggate.app.BillingGate;
import dev.billinggate.app.ServerConfig;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.organizations.OrganizationsSettings;
import dev.billinggate.store.postgres.PostgresTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;

/** Servers on one PostgreSQL database, in this JVM, and SDK clients for them. */
final class Nodes {
  static final String ROOT_PASSWORD = BillingGateHandle.ROOT_PASSWORD;
  static final String ADMIN_PASSWORD = BillingGateHandle.ADMIN_PASSWORD;
  static final Duration CREATE_ACCOUNT_DELAY = Duration.ofSeconds(1);

  private Nodes() {}

  static ServerConfig config(PostgresTarget database) {
    return new ServerConfig("127.0.0.1", 0, null, false, ROOT_PASSWORD, ADMIN_PASSWORD,
        OrganizationsSettings.defaults().withDelays(CREATE_ACCOUNT_DELAY, CREATE_ACCOUNT_DELAY),
        BillingAccess.DefaultRule.DOCUMENTED_ALLOW).withPostgres(database);
  }

  static BillingGate start(PostgresTarget database) {
    return BillingGate.start(config(database), new PrintStream(OutputStream.nullOutputStream()));
  }

  /** An admin client of {@code endpoint} that does not retry, so a 503 reaches the test as it was sent. */
  static <B extends AwsClientBuilder<B, C>, C> C admin(B builder, URI endpoint, Region region) {
    return builder.endpointOverride(endpoint).region(region)
        .credentialsProvider(StaticCredentialsProvider.create(BillingGateHandle.ADMIN))
        .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()).apiCallTimeout(Duration.ofSeconds(60)))
        .build();
  }

  /** An unsigned GET, as a load balancer's probe sends it. */
  static HttpResponse<String> get(URI endpoint, String path) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve(path))
          .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
